package attnprof.api.input;

import java.util.Objects;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TType;

/**
 * One tensor a model wants fed: its name, element type and full static shape (batch first).
 *
 * @param name the input's name, such as {@code token_ids}, {@code waveform} or {@code pixels}
 * @param type the TensorFlow element type, such as {@code TInt32.class}
 * @param shape the full shape, batch dimension first, every dimension known
 * @param valueLimit for integer inputs, the exclusive upper bound of valid values (a vocabulary
 *     size); zero when it does not apply
 *
 * @since API 1
 */
public record InputSpec(String name, Class<? extends TType> type, Shape shape, long valueLimit) {
  public InputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(shape, "shape");
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new IllegalArgumentException("input `" + name + "` needs a fully known shape: " + shape);
    }
  }

  /** The batch size: the first dimension. */
  public long batch() {
    return shape.get(0);
  }
}
