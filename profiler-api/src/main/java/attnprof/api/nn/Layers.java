package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Layers shared by every modality's models. Each takes the place to build in; scoping is the caller's.
 *
 * @since API 1
 */
public final class Layers {
  /** The standard deviation of BERT's, HuBERT's and ViT's weight initialisers. */
  public static final double INIT_STDDEV = 0.02;

  private Layers() {
  }

  /** The static dimensions of an operand. */
  public static long[] dims(Operand<? extends TType> x) {
    return x.shape().asArray();
  }

  /** The size of the last dimension. */
  public static long width(Operand<? extends TType> x) {
    long[] dims = dims(x);
    return dims[dims.length - 1];
  }

  /** A constant int vector, for shapes and axes. */
  public static Operand<TInt32> ints(Ops tf, long... values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = Math.toIntExact(values[i]);
    }
    return tf.constant(ints);
  }

  /** Reshapes to static dimensions. */
  public static Operand<TFloat32> reshape(Ops tf, Operand<TFloat32> x, long... dims) {
    return tf.reshape(x, ints(tf, dims));
  }

  /** A fully connected layer on the last dimension, with weights {@code kernel} and {@code bias}. */
  public static Operand<TFloat32> dense(Net net, Operand<TFloat32> x, long units) {
    return dense(net, x, units, Init.zeros());
  }

  /** A fully connected layer whose bias starts from {@code biasInit}. */
  public static Operand<TFloat32> dense(Net net, Operand<TFloat32> x, long units, Init biasInit) {
    Operand<TFloat32> bias = net.weight("bias", biasInit, units);
    Ops tf = net.tf();
    long[] dims = dims(x);
    // the bias is added to the 2-D product, where TensorFlow fuses it into the product
    Operand<TFloat32> flat = dims.length == 2 ? x : reshape(tf, x, rows(dims), dims[dims.length - 1]);
    Operand<TFloat32> kernel = net.weight("kernel", Init.normal(INIT_STDDEV), dims[dims.length - 1], units);
    Operand<TFloat32> product = tf.nn.biasAdd(tf.linalg.matMul(flat, kernel), bias);
    if (dims.length == 2) {
      return product;
    }
    long[] outDims = dims.clone();
    outDims[dims.length - 1] = units;
    return reshape(tf, product, outDims);
  }

  private static long rows(long[] dims) {
    long rows = 1;
    for (int i = 0; i < dims.length - 1; i++) {
      rows *= dims[i];
    }
    return rows;
  }

  /** A fully connected layer without a bias, with the weight {@code kernel}. */
  public static Operand<TFloat32> denseNoBias(Net net, Operand<TFloat32> x, long units) {
    Ops tf = net.tf();
    long[] dims = dims(x);
    long in = dims[dims.length - 1];
    Operand<TFloat32> kernel = net.weight("kernel", Init.normal(INIT_STDDEV), in, units);
    if (dims.length == 2) {
      return tf.linalg.matMul(x, kernel);
    }
    long rows = 1;
    for (int i = 0; i < dims.length - 1; i++) {
      rows *= dims[i];
    }
    Operand<TFloat32> flat = tf.linalg.matMul(reshape(tf, x, rows, in), kernel);
    long[] outDims = dims.clone();
    outDims[dims.length - 1] = units;
    return reshape(tf, flat, outDims);
  }

  /** Layer normalisation over the last dimension, with weights {@code gamma} and {@code beta}. */
  public static Operand<TFloat32> layerNorm(Net net, Operand<TFloat32> x, double epsilon) {
    Ops tf = net.tf();
    long width = width(x);
    Operand<TInt32> lastAxis = tf.constant(-1);
    Operand<TFloat32> mean = tf.math.mean(x, lastAxis, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), lastAxis,
        org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> normalized = tf.math.mul(centered,
        tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon))));
    Operand<TFloat32> gamma = net.weight("gamma", Init.ones(), width);
    Operand<TFloat32> beta = net.weight("beta", Init.zeros(), width);
    return tf.math.add(tf.math.mul(normalized, gamma), beta);
  }

  /**
   * The exact GELU: (1 + erf(x / sqrt 2)) · (x / 2), in the order of ops TensorFlow's oneDNN remapper fuses
   * with a preceding matrix product and bias into one kernel ({@code _FusedMatMul} with {@code GeluExact}).
   */
  public static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> erf = tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))));
    return tf.math.mul(tf.math.add(erf, tf.constant(1f)), tf.math.mul(x, tf.constant(0.5f)));
  }

  /** Looks rows of a {@code [vocabulary, width]} table (weight {@code name}) up by id. */
  public static Operand<TFloat32> embedding(Net net, String name, Operand<TInt32> ids, long vocabulary, long width) {
    Operand<TFloat32> table = net.weight(name, Init.normal(INIT_STDDEV), vocabulary, width);
    return net.tf().gather(table, ids, net.tf().constant(0));
  }

  /** A slice {@code [begin, end)} of one axis. */
  public static Operand<TFloat32> sliceAxis(Ops tf, Operand<TFloat32> x, int axis, long begin, long end) {
    long[] dims = dims(x);
    long[] starts = new long[dims.length];
    long[] sizes = dims.clone();
    starts[axis] = begin;
    sizes[axis] = end - begin;
    return tf.slice(x, ints(tf, starts), ints(tf, sizes));
  }

  /** Pads one axis with zeros, {@code before} and {@code after}. */
  public static Operand<TFloat32> padAxis(Ops tf, Operand<TFloat32> x, int axis, long before, long after) {
    if (before == 0 && after == 0) {
      return x;
    }
    int rank = dims(x).length;
    int[][] paddings = new int[rank][2];
    paddings[axis][0] = Math.toIntExact(before);
    paddings[axis][1] = Math.toIntExact(after);
    return tf.pad(x, tf.constant(paddings), tf.constant(0f));
  }

  /** The batch-wise matrix product, {@code a · b} or {@code a · bᵀ}: see the five-argument form. */
  public static Operand<TFloat32> batchMatMul(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean transposeB) {
    return batchMatMul(tf, a, b, false, transposeB);
  }

  /**
   * The batch-wise matrix product of {@code a} or {@code aᵀ} and {@code b} or {@code bᵀ}, as TensorFlow's
   * {@code BatchMatMulV2} op: oneDNN's CPU kernel replaces that one, but not the {@code BatchMatMulV3} that
   * TensorFlow Java's {@code tf.train.batchMatMul} builds (a batch of 96 products of 64 x 64 by 64 x 193 ran a
   * third slower in it here).
   */
  public static Operand<TFloat32> batchMatMul(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean transposeA,
      boolean transposeB) {
    return tf.scope().opBuilder("BatchMatMulV2", "BatchMatMulV2").addInput(a.asOutput()).addInput(b.asOutput())
        .setAttr("adj_x", transposeA).setAttr("adj_y", transposeB).build().output(0);
  }
}
