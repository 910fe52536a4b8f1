package attnprof.plugin.vision;

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

  /** The side an image is computed at: padded with zeros to a whole number of patches. */
  static double paddedSide(attnprof.api.model.ModelConfig config, double side) {
    return Grids.roundUp(Math.round(side), config.integer(PATCH));
  }

  /** The layers (or blocks) of each stage of a hierarchical model. */
  static ParameterSpec depths(String what) {
    return ParameterSpec.text(DEPTHS, what + " of each stage, comma-separated");
  }
}
