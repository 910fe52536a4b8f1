package attnprof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.input.InputGenerator;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.LayerParameters;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.nn.TokenMixer;
import java.util.Map;
import org.assertj.core.data.Offset;

/**
 * Whether a vanilla body computes the same function with its attention in chunks ({@link AttentionParameters}) as
 * with the whole matrix at once: the whole model's output, its token mixer's on padded input, and the FLOPs a sweep
 * counts.
 */
public final class ChunkedAttentionCheck {
  /** How close the two computations' outputs must be. */
  public static final float TOLERANCE = 1e-5f;

  private ChunkedAttentionCheck() {
  }

  /** Chunks of {@code queries} queries and {@code keys} keys. */
  public static Map<String, String> chunks(long queries, long keys) {
    return Map.of(AttentionParameters.ATTENTION, AttentionParameters.CHUNKED, AttentionParameters.QUERY_CHUNK,
        String.valueOf(queries), AttentionParameters.KEY_CHUNK, String.valueOf(keys));
  }

  /** The variant's whole output for the same inputs and weights, dense and in chunks of 3 queries and 5 keys. */
  public static void assertSameOutput(ModelVariant variant, ModelConfig dense, int batch, double length,
      InputGenerator inputs) {
    ModelConfig chunked = dense.with(chunks(3, 5));
    float[] expected = ModelEvaluator.forward(variant, dense, batch, length, 1, inputs);
    float[] actual = ModelEvaluator.forward(variant, chunked, batch, length, 1, inputs);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("output %d of %s", i, variant.descriptor().id())
          .isCloseTo(expected[i], Offset.offset(TOLERANCE));
    }
  }

  /**
   * Three training steps of the variant (gradients of the loss, Adam) from the same weights and inputs, dense and in
   * chunks of 3 queries and 5 keys: equal losses before each step mean equal gradients moved the weights alike.
   */
  public static void assertSameTraining(ModelVariant variant, ModelConfig dense, int batch, double length,
      InputGenerator inputs) {
    float[] expected = ModelEvaluator.trainingLosses(variant, dense, batch, length, 1, inputs, 3);
    float[] actual = ModelEvaluator.trainingLosses(variant, dense.with(chunks(3, 5)), batch, length, 1, inputs, 3);
    for (int step = 0; step < expected.length; step++) {
      assertThat(actual[step]).as("loss before step %d of %s", step, variant.descriptor().id())
          .isCloseTo(expected[step], Offset.offset(Math.abs(expected[step]) * 1e-4f));
    }
  }

  /**
   * The variant's token mixer on {@code tokens} tokens whose last ones from {@code valid} on are padding: the real
   * tokens' outputs, dense and in chunks of 3 queries and 5 keys.
   */
  public static void assertSamePaddedMix(ModelVariant variant, ModelConfig dense, int tokens, int valid) {
    assertSameMix(variant.tokenMixer(dense).orElseThrow(), variant.tokenMixer(dense.with(chunks(3, 5))).orElseThrow(),
        dense.integer(LayerParameters.WIDTH), tokens, valid);
  }

  /** Two mixers' outputs for the same weights and the real tokens of a padded input. */
  public static void assertSameMix(TokenMixer dense, TokenMixer chunked, int width, int tokens, int valid) {
    float[][][] x = PaddingCheck.random(3, 2, tokens, width);
    float[][][] expected = ModelEvaluator.mixPadded(dense, x, valid, 1);
    float[][][] actual = ModelEvaluator.mixPadded(chunked, x, valid, 1);
    for (int b = 0; b < x.length; b++) {
      for (int t = 0; t < valid; t++) {
        for (int d = 0; d < width; d++) {
          assertThat(actual[b][t][d]).as("batch %d, real token %d of %d, dimension %d", b, t, valid, d)
              .isCloseTo(expected[b][t][d], Offset.offset(TOLERANCE));
        }
      }
    }
  }

  /** The FLOPs a sweep counts with the attention in {@code chunks}, as a multiple of the dense attention's. */
  public static double flopRatio(ModelVariant variant, ModelConfig dense, Map<String, String> chunks, int batch,
      double length, Mode mode) {
    return (double) total(variant, dense.with(chunks), batch, length, mode) / total(variant, dense, batch, length, mode);
  }

  private static long total(ModelVariant variant, ModelConfig config, int batch, double length, Mode mode) {
    return ModelEvaluator.flops(variant, config, batch, length, mode).values().stream().mapToLong(Long::longValue)
        .sum();
  }
}
