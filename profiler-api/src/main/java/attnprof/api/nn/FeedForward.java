package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The position-wise feed-forward network: dense to {@code hidden}, an activation (GELU unless said), dense back.
 *
 * @since API 1
 */
public final class FeedForward {
  private FeedForward() {
  }

  /** Builds it under the given place (the caller puts it in the {@code feed_forward} scope). */
  public static Operand<TFloat32> apply(Net net, Operand<TFloat32> x, long hidden) {
    return apply(net, x, hidden, Activation.GELU);
  }

  /**
   * Builds it with another activation. Both products run on the tokens as rows of one matrix, and the
   * activation reads the first product's output directly, so that TensorFlow's CPU graph rewrites can fuse
   * product, bias and activation into one kernel.
   */
  public static Operand<TFloat32> apply(Net net, Operand<TFloat32> x, long hidden, Activation activation) {
    long[] dims = Layers.dims(x);
    long width = dims[dims.length - 1];
    Operand<TFloat32> rows = dims.length == 2 ? x : Layers.reshape(net.tf(), x, -1, width);
    Operand<TFloat32> inner = activation.apply(net.tf(), Layers.dense(net.part("intermediate"), rows, hidden));
    Operand<TFloat32> output = Layers.dense(net.part("output"), inner, width);
    return dims.length == 2 ? output : Layers.reshape(net.tf(), output, dims);
  }
}
