package attnprof.plugin.vision;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.Profiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base presets against the published checkpoints' sizes, each also derived in closed form. */
class VisionParameterCountTest {
  private static final Profiler PROFILER = Profiler.builder().build();

  @Test
  void vitBaseHasTheParametersOfVitB16WithAnImageNet1kHead() {
    long patch = 16L * 16 * 3 * 768 + 768;
    long classAndPositions = 768 + 197L * 768;
    long layer = 12L * 768 * 768 + 13L * 768;
    long head = 2 * 768 + 768L * 1000 + 1000;
    assertThat(patch + classAndPositions + 12 * layer + head).isEqualTo(86_567_656L);

    assertThat(parameters(VitVariant.ID)).isEqualTo(86_567_656L);
  }

  @Test
  void swinBaseHasTheParametersOfSwinTinyPatch4Window7() {
    long[] widths = {96, 192, 384, 768};
    long[] heads = {3, 6, 12, 24};
    long[] depths = {2, 2, 6, 2};
    long total = 4L * 4 * 3 * 96 + 96 + 2 * 96;
    for (int stage = 0; stage < 4; stage++) {
      long c = widths[stage];
      // norms 4c, attention 4c² + 4c, relative position bias 13² x heads, feed-forward 8c² + 5c
      total += depths[stage] * (12 * c * c + 13 * c + 169 * heads[stage]);
      if (stage < 3) {
        total += 2 * 4 * c + 4 * c * 2 * c;
      }
    }
    total += 2 * 768 + 768L * 1000 + 1000;
    assertThat(total).isEqualTo(28_288_354L);

    assertThat(parameters(SwinVariant.ID)).isEqualTo(28_288_354L);
  }

  @Test
  void glmixBaseHasAboutTheThirtyMillionParametersOfGlnetStl() {
    long[] widths = {96, 192, 384, 768};
    long[] depths = {2, 2, 6, 2};
    long total = 4L * 4 * 3 * 96 + 96 + 2 * 96;
    for (int stage = 0; stage < 4; stage++) {
      long c = widths[stage];
      if (stage > 0) {
        long previous = widths[stage - 1];
        total += 2 * previous + 2 * 2 * previous * c + c;
      }
      long block = stage < 3
          // scale, 2 norms, slot attention 4c² + 4c, local branch 2c² + 2c + 25c + c, feed-forward 8c² + 5c
          ? 1 + 4 * c + 4 * c * c + 4 * c + 2 * c * c + 28 * c + 8 * c * c + 5 * c
          : 12 * c * c + 13 * c;
      total += depths[stage] * block;
    }
    total += 2 * 768 + 768L * 1000 + 1000;

    assertThat(parameters(GlmixVariant.ID)).isEqualTo(total).isBetween(29_500_000L, 30_500_000L);
  }

  private static long parameters(String variant) {
    return PROFILER.describe(variant, "base", Map.of()).parameters();
  }
}
