package attnprof.plugin.speech.mixers;

import attnprof.plugin.speech.Reference;
import static attnprof.plugin.speech.Reference.add;
import static attnprof.plugin.speech.Reference.asDouble;
import static attnprof.plugin.speech.Reference.columns;
import static attnprof.plugin.speech.Reference.dense;
import static attnprof.plugin.speech.Reference.gelu;
import static attnprof.plugin.speech.Reference.headwiseDense;
import static attnprof.plugin.speech.Reference.layerNorm;
import static attnprof.plugin.speech.Reference.matMul;
import static attnprof.plugin.speech.Reference.maxDifference;
import static attnprof.plugin.speech.Reference.transpose;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.nn.Activation;
import attnprof.testkit.ModelEvaluator;
import attnprof.testkit.ModelEvaluator.MixerRun;
import org.junit.jupiter.api.Test;

/**
 * SummaryMixing, Fastformer and HyperMixing against plain-Java computations of their reference
 * code's structure ({@code speechbrain/nnet/summary_mixing.py} in SamsungLabs/SummaryMixing,
 * {@code fast_attention.py} in whettenr/brq-att-alt-exp, {@code speechbrain/nnet/hypermixing.py}),
 * on the graph's own weights.
 */
class LinearMixersTest {
  private static final int TOKENS = 9;
  private static final int WIDTH = 8;
  private static final int HEADS = 2;

  @Test
  void summaryMixingMergesPerHeadLocalFeaturesWithTheMeanOfPerHeadSummaries() {
    float[][][] input = Reference.random(TOKENS, WIDTH, 1);
    MixerRun run = ModelEvaluator.mixWithWeights(new SummaryMixing(HEADS, 6, 4, 10, Activation.GELU), input, 21);
    double[][] x = asDouble(input[0]);

    double[][] local = gelu(headwiseDense(gelu(headwiseDense(x, run, "local_1", HEADS)), run, "local_2", HEADS));
    double[][] summaryFrames = gelu(headwiseDense(gelu(headwiseDense(x, run, "summary_1", HEADS)), run,
        "summary_2", HEADS));
    double[] mean = new double[WIDTH];
    for (double[] frame : summaryFrames) {
      for (int i = 0; i < WIDTH; i++) {
        mean[i] += frame[i] / TOKENS;
      }
    }
    double[][] both = new double[TOKENS][4 + WIDTH];
    for (int t = 0; t < TOKENS; t++) {
      System.arraycopy(local[t], 0, both[t], 0, 4);
      System.arraycopy(mean, 0, both[t], 4, WIDTH);
    }
    double[][] expected = gelu(dense(both, run, "merge"));

    assertThat(run.shapes().get("mixer/local_1_kernel")).containsExactly(HEADS, WIDTH / HEADS, 3);
    assertThat(maxDifference(run.output()[0], expected)).isLessThan(1e-5);
  }

  @Test
  void fastformerPoolsAGlobalQueryAndKeyWithDenseScoresAndUsesTheQueriesAsValues() {
    int size = WIDTH / HEADS;
    float[][][] input = Reference.random(TOKENS, WIDTH, 2);
    MixerRun run = ModelEvaluator.mixWithWeights(new Fastformer(HEADS), input, 22);
    double[][] x = asDouble(input[0]);
    double[][] q = dense(x, run, "query");
    double[][] k = dense(x, run, "key");

    double[][] globalQuery = pool(q, dense(q, run, "query_attn"), size);
    double[][] p = new double[TOKENS][WIDTH];
    for (int t = 0; t < TOKENS; t++) {
      for (int i = 0; i < WIDTH; i++) {
        p[t][i] = globalQuery[i / size][i % size] * k[t][i];
      }
    }
    double[][] globalKey = pool(p, dense(p, run, "key_attn"), size);
    double[][] u = new double[TOKENS][WIDTH];
    for (int t = 0; t < TOKENS; t++) {
      for (int i = 0; i < WIDTH; i++) {
        u[t][i] = globalKey[i / size][i % size] * q[t][i];
      }
    }
    double[][] expected = add(dense(u, run, "output"), q);

    assertThat(run.weights().keySet().stream().filter(name -> name.endsWith("_kernel")))
        .containsExactlyInAnyOrder("mixer/query_kernel", "mixer/key_kernel", "mixer/output_kernel",
            "mixer/query_attn_kernel", "mixer/key_attn_kernel");
    assertThat(maxDifference(run.output()[0], expected)).isLessThan(1e-5);
  }

  /** Per head h: Σ_t softmax_t(score_t,h / sqrt size) x_t over head h's slice; {@code [heads][size]}. */
  private static double[][] pool(double[][] x, double[][] scores, int size) {
    double[][] pooled = new double[HEADS][size];
    for (int h = 0; h < HEADS; h++) {
      double[] logits = new double[TOKENS];
      for (int t = 0; t < TOKENS; t++) {
        logits[t] = scores[t][h] / Math.sqrt(size);
      }
      double[] weights = Reference.softmax(logits);
      for (int t = 0; t < TOKENS; t++) {
        for (int i = 0; i < size; i++) {
          pooled[h][i] += weights[t] * x[t][h * size + i];
        }
      }
    }
    return pooled;
  }

  @Test
  void hyperMixingMixesEachHeadWithWeightsItsHypernetworksMakeAndNormalisesTheJoinedHeads() {
    int size = WIDTH / HEADS;
    int units = 6;
    float[][][] input = Reference.random(TOKENS, WIDTH, 3);
    MixerRun run = ModelEvaluator.mixWithWeights(new HyperMixing(HEADS, units, 1e-5), input, 23);
    double[][] x = asDouble(input[0]);
    double[][] positions = new double[TOKENS][WIDTH];
    for (int t = 0; t < TOKENS; t++) {
      for (int i = 0; i < WIDTH; i += 2) {
        double frequency = Math.exp(-Math.log(10_000) * i / WIDTH);
        positions[t][i] = Math.sin(t * frequency);
        positions[t][i + 1] = Math.cos(t * frequency);
      }
    }
    double[][] positioned = add(x, positions);

    double[][] w1 = headwiseDense(gelu(headwiseDense(positioned, run, "hyper_w1_1", HEADS)), run, "hyper_w1_2", HEADS);
    double[][] w2 = headwiseDense(gelu(headwiseDense(positioned, run, "hyper_w2_1", HEADS)), run, "hyper_w2_2", HEADS);
    double[][] joined = new double[TOKENS][WIDTH];
    int perHead = units / HEADS;
    for (int h = 0; h < HEADS; h++) {
      double[][] mixed = matMul(columns(w2, h * perHead, perHead),
          gelu(matMul(transpose(columns(w1, h * perHead, perHead)), columns(x, h * size, size))));
      for (int t = 0; t < TOKENS; t++) {
        System.arraycopy(mixed[t], 0, joined[t], h * size, size);
      }
    }
    double[][] expected = layerNorm(joined, run, "norm", 1e-5);

    assertThat(maxDifference(run.output()[0], expected)).isLessThan(1e-4);
  }

  @Test
  void theReferenceErrorFunctionIsAccurate() {
    assertThat(Reference.erf(0.5)).isCloseTo(0.5204998778130465, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Reference.erf(-2)).isCloseTo(-0.9953222650189527, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Reference.erf(3.5)).isCloseTo(0.9999992569016276, org.assertj.core.data.Offset.offset(1e-12));
  }
}
