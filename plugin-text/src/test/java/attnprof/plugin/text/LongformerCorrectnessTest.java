package attnprof.plugin.text;

import static attnprof.plugin.text.TextReferences.maxAbsoluteDifference;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.nn.Heads;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import attnprof.testkit.ModelEvaluator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Longformer against full and band-masked dense attention on the same weights. */
class LongformerCorrectnessTest {
  private static final int HEADS = 2;
  private static final int WIDTH = 8;

  @Test
  void aWindowCoveringTheInputWithoutGlobalTokensIsFullAttention() {
    int tokens = 40;
    float[] bert = TextReferences.forward(new BertVariant(), TextReferences.tiny(new BertVariant(), Map.of()), tokens);
    LongformerVariant longformer = new LongformerVariant();
    float[] wide = TextReferences.forward(longformer,
        TextReferences.tiny(longformer, Map.of("window", "80", "global_tokens", "0")), tokens);

    assertThat(maxAbsoluteDifference(wide, bert)).isLessThan(1e-5);
  }

  @Test
  void aSmallWindowIsNotFullAttention() {
    int tokens = 40;
    float[] bert = TextReferences.forward(new BertVariant(), TextReferences.tiny(new BertVariant(), Map.of()), tokens);
    LongformerVariant longformer = new LongformerVariant();
    float[] narrow = TextReferences.forward(longformer,
        TextReferences.tiny(longformer, Map.of("window", "8", "global_tokens", "0")), tokens);

    assertThat(maxAbsoluteDifference(narrow, bert)).isGreaterThan(1e-3);
  }

  @Test
  void paddingTheWholeInputToTheWindowLeavesTheRealTokensAsTheUnpaddedFormComputesThem() {
    int tokens = 21;
    LongformerVariant longformer = new LongformerVariant();
    float[] padded = TextReferences.forward(longformer,
        TextReferences.tiny(longformer, Map.of("window", "8", "global_tokens", "1", "pad_input", "1")), tokens);
    float[] unpadded = TextReferences.forward(longformer,
        TextReferences.tiny(longformer, Map.of("window", "8", "global_tokens", "1", "pad_input", "0")), tokens);

    assertThat(padded).hasSize(2 * tokens * 32); // batch 2, tiny width 32
    assertThat(maxAbsoluteDifference(padded, unpadded)).isLessThan(1e-5);
  }

  @Test
  void theWholePaddedInputCostsTheSameBelowTheWindowAsAtIt() {
    LongformerVariant longformer = new LongformerVariant();
    var config = TextReferences.tiny(longformer, Map.of());
    long window = config.integer("window");
    var atFive = ModelEvaluator.flops(longformer, config, 1, 5, attnprof.api.Mode.INFERENCE);
    var atWindow = ModelEvaluator.flops(longformer, config, 1, window, attnprof.api.Mode.INFERENCE);
    var unpadded = ModelEvaluator.flops(longformer, TextReferences.tiny(longformer, Map.of("pad_input", "0")), 1, 5,
        attnprof.api.Mode.INFERENCE);

    assertThat(atFive).isEqualTo(atWindow);
    assertThat(longformer.paddedLength(config, 5)).isEqualTo(window);
    assertThat(sum(unpadded)).isLessThan(sum(atFive) / 2);
  }

  private static long sum(Map<attnprof.api.model.Component, Long> flops) {
    return flops.values().stream().mapToLong(Long::longValue).sum();
  }

  @ParameterizedTest(name = "{0} tokens, window {1}, {2} global")
  @CsvSource({"24, 8, 0", "23, 8, 0", "30, 6, 1", "17, 4, 2"})
  void equalsDenseAttentionWithABandMaskAndGlobalTokens(int tokens, int window, int global) {
    float[][][] x = random(tokens);
    float[][][] longformer = ModelEvaluator.mix(new LongformerAttention(HEADS, window / 2, global), x, 3);
    float[][][] dense = ModelEvaluator.mix(new DenseLongformerReference(window / 2, global), x, 3);

    for (int i = 0; i < tokens; i++) {
      for (int d = 0; d < WIDTH; d++) {
        assertThat(longformer[0][i][d]).as("token %d dim %d", i, d)
            .isCloseTo(dense[0][i][d], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  /**
   * Longformer written the slow way: one dense n x n score matrix per head with an additive mask
   * that allows the band and the global columns; global rows use the global projections over all
   * tokens. Same weight paths as {@link LongformerAttention}.
   */
  private record DenseLongformerReference(int oneSided, int global) implements TokenMixer {
    @Override
    public Operand<TFloat32> mix(Net net, Sequence x) {
      Ops tf = net.tf();
      int n = (int) x.length();
      Operand<TFloat32> q = Heads.project(net, "query", x.values(), HEADS);
      Operand<TFloat32> k = Heads.project(net, "key", x.values(), HEADS);
      Operand<TFloat32> v = Heads.project(net, "value", x.values(), HEADS);
      float[][] mask = new float[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          boolean allowed = j < global || Math.abs(i - j) <= oneSided;
          mask[i][j] = allowed ? 0 : MultiHeadAttention.MASKED;
        }
      }
      Operand<TFloat32> context = MultiHeadAttention.attend(tf, q, k, v, tf.constant(mask));
      if (global > 0) {
        Operand<TFloat32> qg = Heads.project(net, "query_global", Layers.sliceAxis(tf, x.values(), 1, 0, global), HEADS);
        Operand<TFloat32> kg = Heads.project(net, "key_global", x.values(), HEADS);
        Operand<TFloat32> vg = Heads.project(net, "value_global", x.values(), HEADS);
        Operand<TFloat32> rows = MultiHeadAttention.attend(tf, qg, kg, vg, null);
        context = tf.concat(java.util.List.of(rows, Layers.sliceAxis(tf, context, 2, global, n)), tf.constant(2));
      }
      return Heads.output(net, context, WIDTH);
    }
  }

  private static float[][][] random(int tokens) {
    Random random = new Random(tokens);
    float[][][] x = new float[1][tokens][WIDTH];
    for (float[] row : x[0]) {
      for (int d = 0; d < WIDTH; d++) {
        row[d] = (float) random.nextGaussian();
      }
    }
    return x;
  }
}
