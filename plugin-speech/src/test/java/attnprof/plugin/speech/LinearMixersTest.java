package attnprof.plugin.speech;

import static attnprof.plugin.speech.Reference.add;
import static attnprof.plugin.speech.Reference.asDouble;
import static attnprof.plugin.speech.Reference.dense;
import static attnprof.plugin.speech.Reference.gelu;
import static attnprof.plugin.speech.Reference.matMul;
import static attnprof.plugin.speech.Reference.maxDifference;
import static attnprof.plugin.speech.Reference.transpose;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.testkit.ModelEvaluator;
import attnprof.engine.testkit.ModelEvaluator.MixerRun;
import org.junit.jupiter.api.Test;

/** SummaryMixing, Fastformer and HyperMixing against their equations computed directly in plain Java. */
class LinearMixersTest {
  private static final int TOKENS = 9;
  private static final int WIDTH = 8;

  @Test
  void summaryMixingCombinesEachFrameWithTheMeanOfTheSummaryBranch() {
    float[][][] input = Reference.random(TOKENS, WIDTH, 1);
    MixerRun run = ModelEvaluator.mixWithWeights(new SummaryMixing(6, 5), input, 21);
    double[][] x = asDouble(input[0]);

    double[][] local = gelu(dense(x, run, "local"));
    double[][] summaryFrames = gelu(dense(x, run, "summary"));
    double[] mean = new double[5];
    for (double[] frame : summaryFrames) {
      for (int i = 0; i < 5; i++) {
        mean[i] += frame[i] / TOKENS;
      }
    }
    double[][] both = new double[TOKENS][11];
    for (int t = 0; t < TOKENS; t++) {
      System.arraycopy(local[t], 0, both[t], 0, 6);
      System.arraycopy(mean, 0, both[t], 6, 5);
    }
    double[][] expected = gelu(dense(both, run, "merge"));

    assertThat(maxDifference(run.output()[0], expected)).isLessThan(1e-5);
  }

  @Test
  void fastformerPoolsAGlobalQueryAndKeyAndMixesThemElementWise() {
    int heads = 2;
    int size = WIDTH / heads;
    float[][][] input = Reference.random(TOKENS, WIDTH, 2);
    MixerRun run = ModelEvaluator.mixWithWeights(new Fastformer(heads), input, 22);
    double[][] x = asDouble(input[0]);
    double[][] q = dense(x, run, "query");
    double[][] k = dense(x, run, "key");
    double[][] v = dense(x, run, "value");
    float[] queryPool = run.weight("mixer/query_pool");
    float[] keyPool = run.weight("mixer/key_pool");

    double[][] mixed = new double[TOKENS][WIDTH];
    for (int h = 0; h < heads; h++) {
      int from = h * size;
      double[] globalQuery = pool(q, queryPool, h, from, size);
      double[][] p = new double[TOKENS][WIDTH];
      for (int t = 0; t < TOKENS; t++) {
        for (int i = 0; i < size; i++) {
          p[t][from + i] = globalQuery[i] * k[t][from + i];
        }
      }
      double[] globalKey = pool(p, keyPool, h, from, size);
      for (int t = 0; t < TOKENS; t++) {
        for (int i = 0; i < size; i++) {
          mixed[t][from + i] = globalKey[i] * v[t][from + i];
        }
      }
    }
    double[][] expected = dense(add(dense(mixed, run, "transform"), q), run, "output");

    assertThat(maxDifference(run.output()[0], expected)).isLessThan(1e-5);
  }

  /** Σ_t softmax_t(wᵀ x_t / sqrt d) x_t over one head's slice. */
  private static double[] pool(double[][] x, float[] vectors, int head, int from, int size) {
    double[] scores = new double[TOKENS];
    for (int t = 0; t < TOKENS; t++) {
      for (int i = 0; i < size; i++) {
        scores[t] += vectors[head * size + i] * x[t][from + i];
      }
      scores[t] /= Math.sqrt(size);
    }
    double[] weights = Reference.softmax(scores);
    double[] pooled = new double[size];
    for (int t = 0; t < TOKENS; t++) {
      for (int i = 0; i < size; i++) {
        pooled[i] += weights[t] * x[t][from + i];
      }
    }
    return pooled;
  }

  @Test
  void hyperMixingMixesTokensWithWeightsMadeFromTheInput() {
    float[][][] input = Reference.random(TOKENS, WIDTH, 3);
    MixerRun run = ModelEvaluator.mixWithWeights(new HyperMixing(7, 4), input, 23);
    double[][] x = asDouble(input[0]);
    double[][] positioned = add(x, asDouble(HyperMixing.positions(TOKENS, WIDTH)));

    double[][] in = dense(gelu(dense(positioned, run, "hyper_in_1")), run, "hyper_in_2");
    double[][] out = dense(gelu(dense(positioned, run, "hyper_out_1")), run, "hyper_out_2");
    double[][] expected = matMul(out, gelu(matMul(transpose(in), x)));

    assertThat(maxDifference(run.output()[0], expected)).isLessThan(1e-4);
  }

  @Test
  void theReferenceErrorFunctionIsAccurate() {
    assertThat(Reference.erf(0.5)).isCloseTo(0.5204998778130465, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Reference.erf(-2)).isCloseTo(-0.9953222650189527, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Reference.erf(3.5)).isCloseTo(0.9999992569016276, org.assertj.core.data.Offset.offset(1e-12));
  }
}
