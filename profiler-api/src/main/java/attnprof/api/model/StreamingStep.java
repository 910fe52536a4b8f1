package attnprof.api.model;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;

/**
 * What makes a model built for the {@link attnprof.api.Mode#STREAMING} mode a step of a stream: the state
 * it carries from one chunk to the next, and how much audio (or time) a chunk is.
 *
 * <p>The state is held in variables that the built model's output depends on: fetching the output runs
 * one chunk and replaces the state with what the chunk computed. They start as the state of a stream that
 * has run long enough to fill its left context, so that every measured chunk costs what a chunk in steady
 * state costs. They are not weights: the engine leaves them out of the parameter count and reports their
 * size as the state's memory.
 *
 * @param state the state variables
 * @param chunkSeconds the duration of one chunk, for the real-time factor (compute time per chunk over this)
 *
 * @since API 3
 */
public record StreamingStep(List<Operand<?>> state, double chunkSeconds) {
  public StreamingStep {
    state = List.copyOf(Objects.requireNonNull(state, "state"));
    if (!(chunkSeconds > 0)) {
      throw new IllegalArgumentException("a chunk lasts a positive time: " + chunkSeconds);
    }
  }
}
