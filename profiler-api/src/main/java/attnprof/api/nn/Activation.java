package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The element-wise activations the models use, each with a gradient in TensorFlow Java.
 *
 * @since API 1
 */
public enum Activation {
  /** The Gaussian error linear unit, exact (with erf), as {@link Layers#gelu}. */
  GELU {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return Layers.gelu(tf, x);
    }
  },
  /** x·sigmoid(x): SiLU, which SpeechBrain calls Swish. */
  SILU {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      // sigmoid first: the order TensorFlow's oneDNN remapper fuses into one _MklSwish kernel
      return tf.math.mul(tf.math.sigmoid(x), x);
    }
  };

  /** The activation of every element of {@code x}. */
  public abstract Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x);
}
