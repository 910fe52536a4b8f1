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
 * @param loss a scalar training loss built on top of {@code output} (the engine differentiates it
 *     with respect to every variable of the graph); required when the request's mode is training,
 *     null otherwise, so that a training head's weights are not counted in an inference model
 * @param notes what the builder changed to make the input fit, such as {@code padded 100 -> 128
 *     tokens to a multiple of the window block}; recorded with the point
 * @param streaming for the {@link attnprof.api.Mode#STREAMING} mode, the state the step carries from chunk to
 *     chunk and the chunk's duration (the output must depend on the state's update); null in the other modes
 *     (since API 3)
 *
 * @since API 1
 */
public record BuiltModel(List<ModelInput> inputs, Operand<TFloat32> output, Operand<TFloat32> loss, List<String> notes,
    StreamingStep streaming) {

  /** A model of the inference or training mode: no stream state. */
  public BuiltModel(List<ModelInput> inputs, Operand<TFloat32> output, Operand<TFloat32> loss, List<String> notes) {
    this(inputs, output, loss, notes, null);
  }

  public BuiltModel {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    notes = List.copyOf(notes);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one input");
    }
  }

  /** The loss, or an error saying the model was not built for training. */
  public Operand<TFloat32> requireLoss() {
    if (loss == null) {
      throw new IllegalStateException("the model was built without a training loss");
    }
    return loss;
  }
}
