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

  /** Builds it with another activation. */
  public static Operand<TFloat32> apply(Net net, Operand<TFloat32> x, long hidden, Activation activation) {
    Operand<TFloat32> inner = activation.apply(net.tf(), Layers.dense(net.part("intermediate"), x, hidden));
    return Layers.dense(net.part("output"), inner, Layers.width(x));
  }
}
