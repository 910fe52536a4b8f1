package attnprof.api.model;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A model built into a graph for one batch size and length.
 *
 * @param inputs the placeholders to feed, each with its spec
 * @param output the forward output the engine fetches for inference
 * @param loss a scalar training loss, built on top of {@code output}; the engine differentiates it
 *     with respect to every trainable variable of the graph
 * @param notes what the builder changed to make the input fit, such as {@code padded 100 -> 128
 *     tokens to a multiple of the window block}; recorded with the point
 */
public record BuiltModel(List<ModelInput> inputs, Operand<TFloat32> output, Operand<TFloat32> loss, List<String> notes) {
  public BuiltModel {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(loss, "loss");
    notes = List.copyOf(notes);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one input");
    }
  }
}
