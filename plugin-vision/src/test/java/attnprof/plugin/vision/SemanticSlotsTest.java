package attnprof.plugin.vision;

import static attnprof.plugin.vision.WindowAttentionTest.maxDifference;
import static attnprof.plugin.vision.WindowAttentionTest.randomTokens;
import static attnprof.plugin.vision.WindowAttentionTest.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.nn.Init;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.TokenMixer;
import attnprof.testkit.ModelEvaluator;
import org.junit.jupiter.api.Test;

/** GLMix's clustering, dispatching and slot attention. */
class SemanticSlotsTest {
  private static final long SEED = 9;
  private static final int SLOTS = 4;
  private static final int PIXELS = 12;

  @Test
  void clusteringWeighsThePixelsOfEachSlotAndDispatchingTheSlotsOfEachPixelAsDistributions() {
    float[][][] slots = randomTokens(2, SLOTS);
    float[][][] pixels = randomTokens(2, PIXELS);
    // logits with a large scale, so that the softmaxes are far from uniform
    float[] cluster = ModelEvaluator.evaluate(tf -> SemanticSlots.clusterWeights(tf,
        tf.math.mul(SemanticSlots.similarity(tf, tf.constant(slots), tf.constant(pixels)), tf.constant(5f))));
    float[] dispatch = ModelEvaluator.evaluate(tf -> SemanticSlots.dispatchWeights(tf,
        tf.math.mul(SemanticSlots.similarity(tf, tf.constant(slots), tf.constant(pixels)), tf.constant(5f))));

    // cluster: [2, slots, pixels], each slot's row over the pixels sums to one
    assertRowsAreDistributions(cluster, 2 * SLOTS, PIXELS);
    // dispatch: [2, pixels, slots], each pixel's row over the slots sums to one
    assertRowsAreDistributions(dispatch, 2 * PIXELS, SLOTS);
  }

  @Test
  void similarityIsTheCosineOfSlotAndPixel() {
    float[][][] slots = randomTokens(1, SLOTS);
    float[][][] pixels = randomTokens(1, PIXELS);
    float[] similarity = ModelEvaluator.evaluate(tf -> SemanticSlots.similarity(tf, tf.constant(slots),
        tf.constant(pixels)));
    for (int s = 0; s < SLOTS; s++) {
      for (int p = 0; p < PIXELS; p++) {
        double dot = 0;
        double slotNorm = 0;
        double pixelNorm = 0;
        for (int d = 0; d < slots[0][s].length; d++) {
          dot += slots[0][s][d] * pixels[0][p][d];
          slotNorm += slots[0][s][d] * slots[0][s][d];
          pixelNorm += pixels[0][p][d] * pixels[0][p][d];
        }
        assertThat(similarity[s * PIXELS + p]).isCloseTo((float) (dot / Math.sqrt(slotNorm * pixelNorm)), within(1e-5f));
      }
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}x{1} to {2}x{2}")
  @org.junit.jupiter.params.provider.CsvSource({"6, 6, 4", "7, 7, 8", "4, 4, 4", "12, 9, 8", "56, 56, 8"})
  void adaptiveAveragePoolingInTheGraphEqualsThePoolingMatrix(int height, int width, int side) {
    java.util.Random random = new java.util.Random(height * 31L + width);
    int channels = 3;
    float[][][][] grid = new float[2][height][width][channels];
    for (float[][][] image : grid) {
      for (float[][] row : image) {
        for (float[] cell : row) {
          for (int c = 0; c < channels; c++) {
            cell[c] = (float) random.nextGaussian();
          }
        }
      }
    }
    float[] pooled = attnprof.testkit.ModelEvaluator.evaluate(
        tf -> SemanticSlots.adaptiveAveragePool(tf, tf.constant(grid), side));

    float[][] matrix = adaptivePooling(height, width, side);
    for (int b = 0; b < 2; b++) {
      for (int slot = 0; slot < side * side; slot++) {
        for (int c = 0; c < channels; c++) {
          double expected = 0;
          for (int cell = 0; cell < height * width; cell++) {
            expected += matrix[slot][cell] * grid[b][cell / width][cell % width][c];
          }
          assertThat(pooled[(b * side * side + slot) * channels + c]).isCloseTo((float) expected, within(1e-5f));
        }
      }
    }
  }

  @Test
  void adaptivePoolingAveragesEachSlotsCellsAndIsTheIdentityWhenTheGridIsTheSlotGrid() {
    float[][] identity = adaptivePooling(4, 4, 4);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        assertThat(identity[i][j]).isEqualTo(i == j ? 1f : 0f);
      }
    }
    // 6x6 to 4x4: slot (1, 2) covers rows 1..2 and columns 3..4 (floor(1*6/4)=1 .. ceil(2*6/4)=3, 3 .. 5)
    float[][] pooling = adaptivePooling(6, 6, 4);
    for (float[] slot : pooling) {
      double sum = 0;
      for (float weight : slot) {
        sum += weight;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-6));
    }
    assertThat(pooling[1 * 4 + 2][1 * 6 + 3]).isEqualTo(0.25f);
    assertThat(pooling[1 * 4 + 2][2 * 6 + 4]).isEqualTo(0.25f);
    assertThat(pooling[1 * 4 + 2][0]).isZero();
    // a grid smaller than the slot grid repeats its cells
    assertThat(adaptivePooling(2, 2, 4)[5][0]).isEqualTo(1f);
  }

  /**
   * Adaptive average pooling of a {@code height x width} grid (row-major) to {@code side x side}
   * slots as a dense {@code [side², height * width]} matrix, the reference for the graph's separable
   * pooling: slot {@code (i, j)} averages the cells of rows {@code floor(i h / side) .. ceil((i + 1) h /
   * side)} and the like columns, as PyTorch's {@code adaptive_avg_pool2d}.
   */
  static float[][] adaptivePooling(int height, int width, int side) {
    float[][] pooling = new float[side * side][height * width];
    for (int i = 0; i < side; i++) {
      int top = Math.floorDiv(i * height, side);
      int bottom = -Math.floorDiv(-(i + 1) * height, side);
      for (int j = 0; j < side; j++) {
        int left = Math.floorDiv(j * width, side);
        int right = -Math.floorDiv(-(j + 1) * width, side);
        float weight = 1f / ((bottom - top) * (right - left));
        for (int y = top; y < bottom; y++) {
          for (int x = left; x < right; x++) {
            pooling[i * side + j][y * width + x] = weight;
          }
        }
      }
    }
    return pooling;
  }

  @Test
  void withOneSlotPerPixelAndIdentityClusteringTheGlobalBranchIsGlobalAttention() {
    float[][][] x = randomTokens(2, 16, WindowAttentionTest.SHARP);
    // slots start as the pixels themselves; a large scale makes each slot's softmax pick its own pixel
    TokenMixer sharp = (net, sequence) -> new SemanticSlots(2, Init.constant(1000))
        .apply(net, sequence.values(), sequence.values());
    TokenMixer soft = (net, sequence) -> new SemanticSlots(2, GlmixBlock.initialScale(8))
        .apply(net, sequence.values(), sequence.values());

    float[][][] global = ModelEvaluator.mix(new MultiHeadAttention(2), x, SEED);
    double sharpError = maxDifference(ModelEvaluator.mix(sharp, x, SEED), global);
    double softError = maxDifference(ModelEvaluator.mix(soft, x, SEED), global);
    assertThat(spread(global)).as("tokens attend differently").isGreaterThan(0.02);
    assertThat(sharpError).isLessThan(1e-4);
    // with GLMix's initial scale the clustering is soft, and the branch is not global attention
    assertThat(softError).isGreaterThan(1e-2);
  }

  private static void assertRowsAreDistributions(float[] values, int rows, int columns) {
    assertThat(values).hasSize(rows * columns);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      float largest = 0;
      for (int c = 0; c < columns; c++) {
        float value = values[r * columns + c];
        assertThat(value).isBetween(0f, 1f);
        sum += value;
        largest = Math.max(largest, value);
      }
      assertThat(sum).isCloseTo(1.0, within(1e-5));
      assertThat(largest).isLessThan(0.999f);
    }
  }
}
