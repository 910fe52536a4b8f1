package attnprof.plugin.vision;

import static attnprof.plugin.vision.WindowAttentionTest.maxDifference;
import static attnprof.plugin.vision.WindowAttentionTest.randomTokens;
import static attnprof.plugin.vision.WindowAttentionTest.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.nn.Init;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.TokenMixer;
import attnprof.engine.testkit.ModelEvaluator;
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

  @Test
  void adaptivePoolingAveragesEachSlotsCellsAndIsTheIdentityWhenTheGridIsTheSlotGrid() {
    float[][] identity = SemanticSlots.adaptivePooling(4, 4, 4);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        assertThat(identity[i][j]).isEqualTo(i == j ? 1f : 0f);
      }
    }
    // 6x6 to 4x4: slot (1, 2) covers rows 1..2 and columns 3..4 (floor(1*6/4)=1 .. ceil(2*6/4)=3, 3 .. 5)
    float[][] pooling = SemanticSlots.adaptivePooling(6, 6, 4);
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
    assertThat(SemanticSlots.adaptivePooling(2, 2, 4)[5][0]).isEqualTo(1f);
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
