package attnprof.api.model;

import attnprof.api.Mode;
import java.util.Objects;

/**
 * What to build: a configuration for one batch size and input length.
 *
 * @param config the resolved configuration
 * @param batch inputs per step, at least 1
 * @param length the input length in its modality's unit (tokens, seconds of audio, pixels per side)
 * @param mode whether the graph will be trained; a model may skip building its loss for inference
 * @param seed the seed of the weight initialisers; equal seeds and names give equal weights
 *
 * @since API 1
 */
public record BuildRequest(ModelConfig config, int batch, double length, Mode mode, long seed) {
  public BuildRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mode, "mode");
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1: " + batch);
    }
    if (!(length > 0)) {
      throw new IllegalArgumentException("length must be positive: " + length);
    }
  }

  /** The length as a whole number of units, for models whose unit is discrete (tokens, pixels). */
  public int wholeLength() {
    return (int) Math.round(length);
  }
}
