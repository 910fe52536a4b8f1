package attnprof.plugin.vision;

import attnprof.api.model.ParameterSpec;

/** Parameters every vision variant has. */
final class VisionParameters {
  static final String CLASSES = "classes";
  static final ParameterSpec CLASSES_SPEC = ParameterSpec.integer(CLASSES, 2, "classes of the classification head");

  private VisionParameters() {
  }
}
