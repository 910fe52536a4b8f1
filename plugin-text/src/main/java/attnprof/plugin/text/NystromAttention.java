package attnprof.plugin.text;

import attnprof.api.nn.Heads;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Nyströmformer's attention (Xiong et al. 2021): softmax attention approximated through
 * {@code landmarks} landmark queries and keys (the means of contiguous segments of the sequence):
 * {@code softmax(Q K̃ᵀ) · pinv(softmax(Q̃ K̃ᵀ)) · softmax(Q̃ Kᵀ) · V}, with the pseudo-inverse by
 * the iterative Moore-Penrose method, plus a depthwise convolution of the values over the tokens
 * as a skip connection. Time and memory are linear in length.
 */
record NystromAttention(long heads, long landmarks, int pinvIterations, long convolutionKernel) implements TokenMixer {
  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long width = Layers.width(x.values());
    // the values' projection by itself (the weights queryKeyValue would make), kept whole for the convolution
    Operand<TFloat32> values = Layers.dense(net.part("value"), x.values(), width);
    Operand<TFloat32> q = Heads.project(net, "query", x.values(), heads);
    Operand<TFloat32> k = Heads.project(net, "key", x.values(), heads);
    Operand<TFloat32> v = Heads.split(tf, values, heads);
    Operand<TFloat32> segmentMeans = tf.constant(segmentMeans(x.valid(), x.length(), Math.min(landmarks, x.valid())));
    Operand<TFloat32> landmarkQueries = Layers.batchMatMul(tf, segmentMeans, q, false);
    Operand<TFloat32> landmarkKeys = Layers.batchMatMul(tf, segmentMeans, k, false);
    Operand<TFloat32> keyBias = x.padded() ? MultiHeadAttention.keyPaddingBias(tf, x.length(), x.valid()) : null;

    Operand<TFloat32> kernel1 = MultiHeadAttention.probabilities(tf, q, landmarkKeys, null);
    Operand<TFloat32> kernel2 = MultiHeadAttention.probabilities(tf, landmarkQueries, landmarkKeys, null);
    Operand<TFloat32> kernel3 = MultiHeadAttention.probabilities(tf, landmarkQueries, k, keyBias);
    Operand<TFloat32> summary = Layers.batchMatMul(tf, kernel3, v, false);
    Operand<TFloat32> context = Heads.merge(tf, Layers.batchMatMul(tf, kernel1,
        Layers.batchMatMul(tf, pseudoInverse(tf, kernel2, pinvIterations), summary, false), false));
    if (convolutionKernel > 0) {
      // padding values are zeroed first: the convolution then sees, past the last real token, the zeros its
      // SAME padding gives an unpadded sequence, and no real token sees padding through it
      Operand<TFloat32> real = x.padded() ? tf.math.mul(values, realTokens(tf, x.length(), x.valid())) : values;
      context = tf.math.add(context, valueConvolution(net.part("conv"), real, heads, convolutionKernel));
    }
    return Layers.dense(net.part("output"), context, width);
  }

  /**
   * A {@code [m, tokens]} matrix whose row i averages the i-th of m contiguous segments of the
   * {@code valid} real tokens (segment i spans tokens floor(i·valid/m) to floor((i+1)·valid/m)).
   */
  static float[][] segmentMeans(long valid, long tokens, long m) {
    float[][] means = new float[(int) m][(int) tokens];
    for (int i = 0; i < m; i++) {
      long begin = i * valid / m;
      long end = (i + 1) * valid / m;
      for (long j = begin; j < end; j++) {
        means[i][(int) j] = 1f / (end - begin);
      }
    }
    return means;
  }

  /**
   * The iterative Moore-Penrose pseudo-inverse of a batch of row-stochastic matrices
   * {@code [..., m, m]}, started from Kᵀ / max column sum (Razavi et al.; as Nyströmformer does).
   */
  static Operand<TFloat32> pseudoInverse(Ops tf, Operand<TFloat32> matrix, int iterations) {
    long[] dims = Layers.dims(matrix);
    int rank = dims.length;
    long m = dims[rank - 1];
    int[] swapLast = new int[rank];
    for (int i = 0; i < rank; i++) {
      swapLast[i] = i;
    }
    swapLast[rank - 2] = rank - 1;
    swapLast[rank - 1] = rank - 2;
    Operand<TFloat32> transposed = tf.linalg.transpose(matrix, tf.constant(swapLast));
    Operand<TInt32> rowsAxis = tf.constant(rank - 2);
    Operand<TFloat32> columnSums = tf.sum(matrix, rowsAxis, org.tensorflow.op.core.Sum.keepDims(true));
    Operand<TFloat32> largest = tf.max(columnSums, tf.constant(rank - 1), org.tensorflow.op.core.Max.keepDims(true));
    Operand<TFloat32> inverse = tf.math.div(transposed, largest);
    float[][] eye = new float[(int) m][(int) m];
    for (int i = 0; i < m; i++) {
      eye[i][i] = 1f;
    }
    Operand<TFloat32> identity = tf.constant(eye);
    for (int i = 0; i < iterations; i++) {
      Operand<TFloat32> kv = Layers.batchMatMul(tf, matrix, inverse, false);
      Operand<TFloat32> inner = tf.math.sub(scaled(tf, identity, 7), kv);
      inner = tf.math.sub(scaled(tf, identity, 15), Layers.batchMatMul(tf, kv, inner, false));
      inner = tf.math.sub(scaled(tf, identity, 13), Layers.batchMatMul(tf, kv, inner, false));
      inverse = Layers.batchMatMul(tf, scaled(tf, inverse, 0.25f), inner, false);
    }
    return inverse;
  }

  private static Operand<TFloat32> scaled(Ops tf, Operand<TFloat32> x, float factor) {
    return tf.math.mul(x, tf.constant(factor));
  }

  /** A {@code [tokens, 1]} column of 1 for the real tokens and 0 for the padding. */
  private static Operand<TFloat32> realTokens(Ops tf, long tokens, long valid) {
    float[][] mask = new float[Math.toIntExact(tokens)][1];
    for (int i = 0; i < valid; i++) {
      mask[i][0] = 1;
    }
    return tf.constant(mask);
  }

  /**
   * A depthwise convolution of each head's values over the tokens (kernel {@code kernel} x 1, no bias, one
   * filter a head), on the values before they are split into heads, {@code [batch, tokens, heads x size]}:
   * each channel convolved with its head's filter, so that no transpose is needed.
   */
  static Operand<TFloat32> valueConvolution(Net net, Operand<TFloat32> values, long heads, long kernel) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(values);
    Operand<TFloat32> filter = net.weight("kernel", Init.normal(Layers.INIT_STDDEV), kernel, 1, heads, 1);
    Operand<TFloat32> perChannel = Layers.reshape(tf,
        tf.broadcastTo(filter, Layers.ints(tf, kernel, 1, heads, dims[2] / heads)), kernel, 1, dims[2], 1);
    Operand<TFloat32> image = Layers.reshape(tf, values, dims[0], dims[1], 1, dims[2]);
    Operand<TFloat32> convolved = tf.nn.depthwiseConv2dNative(image, perChannel, List.of(1L, 1L, 1L, 1L), "SAME");
    return Layers.reshape(tf, convolved, dims[0], dims[1], dims[2]);
  }
}
