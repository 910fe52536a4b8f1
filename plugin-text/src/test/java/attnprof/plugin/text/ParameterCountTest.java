package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.Profiler;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The base presets against the published checkpoints' parameter counts. */
class ParameterCountTest {
  private static Profiler profiler;

  @BeforeAll
  static void engine() {
    profiler = Profiler.builder().build();
  }

  @Test
  void bertBaseHasTheParametersOfBertBaseUncased() {
    assertThat(profiler.describe("text/bert", "base", Map.of()).parameters()).isEqualTo(109_482_240L);
  }

  @Test
  void longformerBaseHasAbout149MillionParameters() {
    // longformer-base-4096 is published as about 149M; by its configuration (RoBERTa-base body, 4098
    // positions, one segment, global q/k/v per layer, pooler) it is exactly this
    long embeddings = 50265L * 768 + 4098L * 768 + 768 + 2 * 768;
    long layer = 7L * (768 * 768 + 768) + 2L * 768 * 3072 + 3072 + 768 + 4 * 768;
    long pooler = 768L * 768 + 768;
    long expected = embeddings + 12 * layer + pooler;
    assertThat(expected).isEqualTo(148_659_456L);
    assertThat(profiler.describe("text/longformer", "base", Map.of()).parameters()).isEqualTo(expected);
  }

  @Test
  void nystromformerBaseHasTheParametersOfItsConfiguration() {
    // nystromformer-512 publishes no count; by its configuration: 30000-token vocabulary, 512
    // positions, two segments, a 65 x 1 depthwise convolution per head and layer, no pooler
    long embeddings = 30000L * 768 + 512L * 768 + 2 * 768 + 2 * 768;
    long layer = 4L * (768 * 768 + 768) + 2L * 768 * 3072 + 3072 + 768 + 4 * 768 + 65 * 12;
    assertThat(profiler.describe("text/nystromformer", "base", Map.of()).parameters())
        .isEqualTo(embeddings + 12 * layer);
  }
}
