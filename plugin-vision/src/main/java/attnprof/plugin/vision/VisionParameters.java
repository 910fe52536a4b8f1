package attnprof.plugin.vision;

import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;

/** Parameters the vision variants share. */
final class VisionParameters {
  static final String PATCH = "patch";
  static final String EMBEDDING = "embedding";
  static final String DEPTHS = "depths";
  static final String CLASSES = "classes";
  static final ParameterSpec PATCH_SPEC = ParameterSpec.integer(PATCH, 1, "side of the square patches, in pixels");
  /** The width of a hierarchical model's first stage. */
  static final ParameterSpec EMBEDDING_SPEC = ParameterSpec.integer(EMBEDDING, 1,
      "width of the first stage (each later stage doubles it)");
  static final ParameterSpec CLASSES_SPEC = ParameterSpec.integer(CLASSES, 2, "classes of the classification head");

  private VisionParameters() {
  }

  /**
   * Requires each stage's width (the embedding width, doubled at every stage after the first) to be a
   * multiple of that stage's divisor ({@code what}: its heads, the head width).
   *
   * @throws attnprof.api.ProfilerException a user error naming the stage
   */
  static void requireStageWidths(ModelConfig config, int stages, java.util.function.IntUnaryOperator divisor,
      String what) {
    long width = config.integer(EMBEDDING);
    for (int stage = 0; stage < stages; stage++) {
      int by = divisor.applyAsInt(stage);
      if (by < 1 || width % by != 0) {
        throw attnprof.api.ProfilerException.user("stage " + (stage + 1) + " width " + width + " (embedding "
            + config.integer(EMBEDDING) + ", doubled each stage) is not a multiple of " + what + ", " + by);
      }
      width *= 2;
    }
  }

  /** The side an image is computed at: padded with zeros to a whole number of patches. */
  static double paddedSide(attnprof.api.model.ModelConfig config, double side) {
    return Grids.roundUp(Math.round(side), config.integer(PATCH));
  }

  /** The layers (or blocks) of each stage of a hierarchical model. */
  static ParameterSpec depths(String what) {
    return ParameterSpec.text(DEPTHS, what + " of each stage, comma-separated");
  }
}
