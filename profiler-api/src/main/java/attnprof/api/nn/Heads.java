package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Splitting token vectors into attention heads and back. */
public final class Heads {
  private Heads() {
  }

  /** {@code [batch, tokens, heads * size]} to {@code [batch, heads, tokens, size]}. */
  public static Operand<TFloat32> split(Ops tf, Operand<TFloat32> x, long heads) {
    long[] dims = Layers.dims(x);
    if (dims[2] % heads != 0) {
      throw new IllegalArgumentException("width " + dims[2] + " is not a multiple of " + heads + " heads");
    }
    Operand<TFloat32> split = Layers.reshape(tf, x, dims[0], dims[1], heads, dims[2] / heads);
    return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));
  }

  /** {@code [batch, heads, tokens, size]} to {@code [batch, tokens, heads * size]}. */
  public static Operand<TFloat32> merge(Ops tf, Operand<TFloat32> x) {
    long[] dims = Layers.dims(x);
    Operand<TFloat32> transposed = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
    return Layers.reshape(tf, transposed, dims[0], dims[2], dims[1] * dims[3]);
  }

  /** A dense projection (scope {@code name}) split into heads: {@code [batch, heads, tokens, size]}. */
  public static Operand<TFloat32> project(Net net, String name, Operand<TFloat32> x, long heads) {
    Net place = net.scope(name);
    return split(place.tf(), Layers.dense(place, x, Layers.width(x)), heads);
  }
}
