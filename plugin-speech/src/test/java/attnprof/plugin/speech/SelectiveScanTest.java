package attnprof.plugin.speech;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.testkit.ModelEvaluator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked selective scan against the step-by-step recurrence in plain Java. */
class SelectiveScanTest {
  private static final int CHANNELS = 3;
  private static final int STATE = 4;

  @ParameterizedTest(name = "{0} frames")
  @ValueSource(ints = {1, 8, 13, 37})
  void equalsTheNaiveRecurrence(int frames) {
    Random random = new Random(frames);
    float[][][] u = new float[2][frames][CHANNELS];
    float[][][] delta = new float[2][frames][CHANNELS];
    float[][][] b = new float[2][frames][STATE];
    float[][][] c = new float[2][frames][STATE];
    for (int n = 0; n < 2; n++) {
      for (int t = 0; t < frames; t++) {
        for (int e = 0; e < CHANNELS; e++) {
          u[n][t][e] = (float) random.nextGaussian();
          delta[n][t][e] = (float) (0.001 + 0.2 * random.nextDouble());
        }
        for (int s = 0; s < STATE; s++) {
          b[n][t][s] = (float) random.nextGaussian();
          c[n][t][s] = (float) random.nextGaussian();
        }
      }
    }
    float[][] a = new float[CHANNELS][STATE];
    for (int e = 0; e < CHANNELS; e++) {
      for (int s = 0; s < STATE; s++) {
        a[e][s] = -(s + 1) * (0.5f + e);
      }
    }

    float[] scanned = ModelEvaluator.evaluate(tf -> SelectiveScan.apply(tf, tf.constant(u), tf.constant(delta),
        tf.constant(a), tf.constant(b), tf.constant(c)));

    for (int n = 0; n < 2; n++) {
      double[][] h = new double[CHANNELS][STATE];
      for (int t = 0; t < frames; t++) {
        for (int e = 0; e < CHANNELS; e++) {
          double y = 0;
          for (int s = 0; s < STATE; s++) {
            h[e][s] = Math.exp(delta[n][t][e] * a[e][s]) * h[e][s] + delta[n][t][e] * u[n][t][e] * b[n][t][s];
            y += h[e][s] * c[n][t][s];
          }
          assertThat((double) scanned[(n * frames + t) * CHANNELS + e]).as("batch %d frame %d channel %d", n, t, e)
              .isCloseTo(y, org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(y))));
        }
      }
    }
  }
}
