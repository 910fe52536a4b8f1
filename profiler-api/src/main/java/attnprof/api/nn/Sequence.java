package attnprof.api.nn;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Token vectors {@code [batch, tokens, width]} of which the first {@code valid} tokens are real and
 * the rest are padding a model added to fit a block size. Padding is static: the same for every
 * input of a batch.
 *
 * @param values the token vectors
 * @param valid how many leading tokens are real
 *
 * @since API 1
 */
public record Sequence(Operand<TFloat32> values, long valid) {
  public Sequence {
    Objects.requireNonNull(values, "values");
    if (valid < 1 || valid > length(values)) {
      throw new IllegalArgumentException("valid tokens must be within 1.." + length(values) + ": " + valid);
    }
  }

  /** A sequence without padding. */
  public static Sequence of(Operand<TFloat32> values) {
    return new Sequence(values, length(values));
  }

  /** The number of tokens, padding included. */
  public long length() {
    return length(values);
  }

  /** Whether some tokens are padding. */
  public boolean padded() {
    return valid < length();
  }

  /** The same padding with other values of the same length. */
  public Sequence with(Operand<TFloat32> newValues) {
    return new Sequence(newValues, valid);
  }

  private static long length(Operand<TFloat32> values) {
    return Layers.dims(values)[1];
  }
}
