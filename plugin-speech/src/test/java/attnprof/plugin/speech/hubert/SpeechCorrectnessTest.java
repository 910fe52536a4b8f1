package attnprof.plugin.speech.hubert;

import attnprof.plugin.speech.WaveformInputs;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.engine.Profiler;
import attnprof.testkit.ModelEvaluator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The speech encoders against the published frame rate, full attention and the HuBERT-base size. */
class SpeechCorrectnessTest {
  private static final long SEED = 11;

  @Test
  void oneSecondOf16KilohertzAudioGives49Frames() {
    List<Integer> kernels = List.of(10, 3, 3, 3, 3, 2, 2);
    List<Integer> strides = List.of(5, 2, 2, 2, 2, 2, 2);
    assertThat(ConvFeatureEncoder.frames(16_000, kernels, strides)).isEqualTo(49);
    assertThat(ConvFeatureEncoder.frames(WaveformInputs.samples(10), kernels, strides)).isEqualTo(499);

    HubertVariant hubert = new HubertVariant();
    float[] output = forward(hubert, config(hubert, Map.of()), 1.0);
    // batch 2 x 49 frames x width 32
    assertThat(output).hasSize(2 * 49 * 32);
  }

  @Test
  void localAttentionWithAWindowCoveringEveryFrameIsHubert() {
    HubertVariant hubert = new HubertVariant();
    LocalHubertVariant local = new LocalHubertVariant();
    float[] full = forward(hubert, config(hubert, Map.of()), 1.5);
    float[] wide = forward(local, config(local, Map.of("window", "200")), 1.5);
    float[] narrow = forward(local, config(local, Map.of("window", "8")), 1.5);

    assertThat(maxDifference(wide, full)).isLessThan(1e-5);
    assertThat(maxDifference(narrow, full)).isGreaterThan(1e-4);
  }

  @Test
  void hubertBaseHasTheEncoderParametersOfHubertBaseLs960() {
    // transformers' HubertModel for hubert-base-ls960: feature encoder (no conv bias) + group norm,
    // feature projection, mask embedding, position conv with weight norm, encoder layer norm,
    // 12 BERT-base layers
    long frontEnd = 512L * 10 + 2 * 512 + 4L * 512 * 512 * 3 + 2L * 512 * 512 * 2;
    long projection = 2 * 512 + 512L * 768 + 768;
    long maskEmbedding = 768;
    long positions = 128L * 48 * 768 + 128 + 768;
    long layer = 4L * (768 * 768 + 768) + 2L * 768 * 3072 + 3072 + 768 + 4 * 768;
    long expected = frontEnd + projection + maskEmbedding + positions + 2 * 768 + 12 * layer;
    assertThat(expected).isEqualTo(94_371_712L);
    assertThat(Profiler.builder().build().describe("speech/hubert", "base", Map.of()).parameters()).isEqualTo(expected);
  }

  @Test
  void everySpeechVariantTrainsItsLossDownhill() {
    var registry = Profiler.builder().build().registry();
    for (ModelVariant variant : List.of(new HubertVariant(), new LocalHubertVariant(),
        registry.variant("speech/summarymixing"), registry.variant("speech/hypermixing"),
        registry.variant("speech/fastformer"), registry.variant("speech/mamba"))) {
      float[] losses = ModelEvaluator.trainingLosses(variant, config(variant, Map.of()), 1, 0.5, SEED,
          new WaveformInputs(), 3);
      assertThat(losses[2]).as("%s losses %s", variant.descriptor().id(), java.util.Arrays.toString(losses))
          .isLessThan(losses[0]);
    }
  }

  private static ModelConfig config(ModelVariant variant, Map<String, String> overrides) {
    return ModelConfig.resolve(variant.descriptor(), Preset.TINY, overrides);
  }

  private static float[] forward(ModelVariant variant, ModelConfig config, double seconds) {
    return ModelEvaluator.forward(variant, config, 2, seconds, SEED, new WaveformInputs());
  }

  private static double maxDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
