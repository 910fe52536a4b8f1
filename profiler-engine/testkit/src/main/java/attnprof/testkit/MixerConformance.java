package attnprof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Modality;
import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerProvider;
import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The checks of a token mixer on its own, beside {@link VariantConformance} on each body it runs on: it keeps
 * its input's shape, and no real token's output depends on the padding a body adds.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> mixerConforms() {
 *   return MixerConformance.of(new LinearAttention()).tests();
 * }
 * }</pre>
 */
public final class MixerConformance {
  private static final int WIDTH = 8;
  private static final int HEADS = 2;
  private static final int TOKENS = 9;

  private final MixerProvider provider;

  private MixerConformance(MixerProvider provider) {
    this.provider = provider;
  }

  public static MixerConformance of(MixerProvider provider) {
    return new MixerConformance(provider);
  }

  public Stream<DynamicTest> tests() {
    String id = provider.descriptor().id();
    Modality modality = provider.descriptor().modalities().stream().findFirst().orElse(Modality.TEXT);
    TokenMixer mixer = provider.create(new MixerContext(tinyConfig(), WIDTH, HEADS, 0, modality));
    float[][][] x = PaddingCheck.random(1, 2, TOKENS, WIDTH);
    return Stream.of(
        DynamicTest.dynamicTest(id + " keeps its input's shape", () -> {
          float[][][] mixed = ModelEvaluator.mix(mixer, x, 1);
          assertThat(mixed.length).isEqualTo(2);
          assertThat(mixed[0].length).isEqualTo(TOKENS);
          assertThat(mixed[0][0].length).isEqualTo(WIDTH);
        }),
        DynamicTest.dynamicTest(id + ": no real token's output depends on the padding",
            () -> PaddingCheck.assertPaddingIsIgnored(mixer, WIDTH)));
  }

  private ModelConfig tinyConfig() {
    Map<String, String> values = provider.descriptor().presetValues(attnprof.api.model.Preset.TINY);
    return new ModelConfig(attnprof.api.model.Preset.TINY, values, java.util.Set.of());
  }
}
