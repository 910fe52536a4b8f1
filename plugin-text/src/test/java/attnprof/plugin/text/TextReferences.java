package attnprof.plugin.text;

import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.testkit.ModelEvaluator;
import java.util.Map;

/** Shared test helpers: tiny configurations with overrides, and forward outputs of variants on equal seeds. */
final class TextReferences {
  static final long SEED = 7;

  private TextReferences() {
  }

  static ModelConfig tiny(ModelVariant variant, Map<String, String> overrides) {
    return ModelConfig.resolve(variant.descriptor(), Preset.TINY, overrides);
  }

  static float[] forward(ModelVariant variant, ModelConfig config, int tokens) {
    return ModelEvaluator.forward(variant, config, 2, tokens, SEED, new TokenIdInputs());
  }

  static double maxAbsoluteDifference(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
