package attnprof.api.model;

import attnprof.api.input.InputSpec;
import java.util.Objects;
import org.tensorflow.Operand;

/**
 * One input of a built graph: the placeholder the engine feeds, and what it expects.
 *
 * @param spec name, type and shape of the tensor to feed
 * @param placeholder the graph's placeholder for it
 *
 * @since API 1
 */
public record ModelInput(InputSpec spec, Operand<?> placeholder) {
  public ModelInput {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(placeholder, "placeholder");
  }
}
