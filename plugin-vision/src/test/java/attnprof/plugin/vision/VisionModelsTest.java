package attnprof.plugin.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.ProfilerException;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.testkit.ModelEvaluator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three vision models run at sides that fit their patches and windows and at sides that do not. */
class VisionModelsTest {
  private static final long SEED = 3;
  private static final int CLASSES = 10;

  @Test
  void everyModelTurnsImagesOfAnySideIntoOneRowOfLogitsAnImage() {
    for (ModelVariant variant : List.of(new VitVariant(), new SwinVariant(), new GlmixVariant())) {
      for (int side : List.of(32, 64, 44)) {
        float[] logits = forward(variant, Map.of(), side);
        assertThat(logits).as("%s at %d pixels", variant.descriptor().id(), side).hasSize(2 * CLASSES);
        for (float logit : logits) {
          assertThat(Float.isFinite(logit)).isTrue();
        }
      }
    }
  }

  @Test
  void everyModelTrainsItsLossDownhill() {
    for (ModelVariant variant : List.of(new VitVariant(), new SwinVariant(), new GlmixVariant())) {
      ModelConfig config = ModelConfig.resolve(variant.descriptor(), Preset.TINY, Map.of());
      float[] losses = ModelEvaluator.trainingLosses(variant, config, 2, 32, SEED, new ImageInputs(), 3);
      assertThat(losses[2]).as("%s losses %s", variant.descriptor().id(), java.util.Arrays.toString(losses))
          .isLessThan(losses[0]);
    }
  }

  @Test
  void vitPositionEmbeddingsAreResizedWithBilinearWeights() {
    assertThat(PositionEmbedding.interpolation(2, 4)).isDeepEqualTo(new float[][] {
        {1, 0}, {0.75f, 0.25f}, {0.25f, 0.75f}, {0, 1}});
    float[][] same = PositionEmbedding.interpolation(3, 3);
    assertThat(same).isDeepEqualTo(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
  }

  @Test
  void swinsMaskSeparatesTheRegionsThatTheShiftBringsTogether() {
    // a 6x6 grid, windows of 3, shift 1: the bottom-right window holds rows and columns 3, 4 (region 1)
    // and 5 (region 2, wrapped around from 0)
    float[][][][] mask = WindowAttention.edgeMask(6, 6, 3, 1);
    assertThat(mask).hasNumberOfRows(4);
    float[][] topLeft = mask[0][0];
    float[][] bottomRight = mask[3][0];
    assertThat(topLeft[0][8]).isZero();
    assertThat(bottomRight[0][4]).isZero();
    assertThat(bottomRight[0][2]).isEqualTo(WindowAttention.ACROSS_EDGE);
    assertThat(bottomRight[8][0]).isEqualTo(WindowAttention.ACROSS_EDGE);
  }

  @Test
  void swinsRelativePositionIndexCoversEveryOffsetOfAWindow() {
    int[][] index = WindowAttention.relativeIndex(3);
    java.util.Set<Integer> rows = new java.util.HashSet<>();
    for (int[] row : index) {
      for (int value : row) {
        rows.add(value);
      }
    }
    assertThat(rows).hasSize(25).allMatch(row -> row >= 0 && row < 25);
    // a cell and itself: offset (0, 0), the middle of the 5x5 table
    assertThat(index[4][4]).isEqualTo(12);
  }

  @Test
  void glmixRefusesSlotsThatAreNotASquareNumber() {
    assertThatThrownBy(() -> forward(new GlmixVariant(), Map.of(GlmixVariant.SLOTS, "5"), 32))
        .isInstanceOf(ProfilerException.class).hasMessageContaining("square number");
  }

  private static float[] forward(ModelVariant variant, Map<String, String> overrides, int side) {
    ModelConfig config = ModelConfig.resolve(variant.descriptor(), Preset.TINY, overrides);
    return ModelEvaluator.forward(variant, config, 2, side, SEED, new ImageInputs());
  }
}
