package attnprof.plugin.speech.mixers;

import attnprof.plugin.speech.Reference;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.nn.Net;
import attnprof.testkit.ModelEvaluator;
import attnprof.testkit.ModelEvaluator.MixerRun;
import org.junit.jupiter.api.Test;

/**
 * The HuBERT-body Mamba wraps each direction as mamba_ssm's {@code Block} does: x + M_f(N_f(x)) +
 * rev(M_b(N_b(rev x))), N an RMS normalisation (epsilon 1e-5, a weight per channel), computed here
 * with the norms in plain Java and each direction's block run alone on the same weights.
 */
class MambaBlockTest {
  private static final int FRAMES = 9;
  private static final int WIDTH = 8;
  private static final long SEED = 31;

  @Test
  void eachDirectionRunsBehindItsRmsNormAndTheInputIsAddedBack() {
    float[][][] x = Reference.random(FRAMES, WIDTH, 5);
    MixerRun run = ModelEvaluator.mixWithWeights(new Mamba(2, 4, 4, true), x, SEED);

    float[][][] reversed = new float[1][FRAMES][];
    for (int t = 0; t < FRAMES; t++) {
      reversed[0][t] = x[0][FRAMES - 1 - t];
    }
    float[][][] forwardIn = rmsNorm(x, Reference.endingWith(run, "/forward_norm_weight"));
    float[][][] backwardIn = rmsNorm(reversed, Reference.endingWith(run, "/backward_norm_weight"));
    Mamba unwrapped = new Mamba(2, 4, 4, false);
    float[] forward = ModelEvaluator.evaluate(tf -> unwrapped.block(Net.root(tf, SEED).scope("mixer").part("forward"),
        tf.constant(forwardIn)));
    float[] backward = ModelEvaluator.evaluate(tf -> unwrapped.block(
        Net.root(tf, SEED).scope("mixer").part("backward"), tf.constant(backwardIn)));

    double[][] expected = new double[FRAMES][WIDTH];
    for (int t = 0; t < FRAMES; t++) {
      for (int i = 0; i < WIDTH; i++) {
        expected[t][i] = x[0][t][i] + forward[t * WIDTH + i] + backward[(FRAMES - 1 - t) * WIDTH + i];
      }
    }
    assertThat(Reference.maxDifference(run.output()[0], expected)).isLessThan(1e-5);
  }

  private static float[][][] rmsNorm(float[][][] x, float[] weight) {
    float[][][] y = new float[1][FRAMES][WIDTH];
    for (int t = 0; t < FRAMES; t++) {
      double meanSquare = 0;
      for (float v : x[0][t]) {
        meanSquare += v * v / (double) WIDTH;
      }
      for (int i = 0; i < WIDTH; i++) {
        y[0][t][i] = (float) (x[0][t][i] / Math.sqrt(meanSquare + 1e-5) * weight[i]);
      }
    }
    return y;
  }
}
