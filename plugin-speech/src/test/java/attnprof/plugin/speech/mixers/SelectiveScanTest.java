package attnprof.plugin.speech.mixers;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.ModelEvaluator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked selective scan against the step-by-step recurrence in plain Java. */
class SelectiveScanTest {
  private static final int CHANNELS = 3;
  private static final int STATE = 4;

  /**
   * The step-by-step recurrence costs, per element of {@code [batch, frames, channels, state]}:
   * Δ·A and its exponential (2), times h (1), Δu times B (1), the addition (1), times C and the sum
   * over the state (2): 7 FLOPs. The chunked scan stays within twice that.
   */
  @ParameterizedTest(name = "{0} frames")
  @ValueSource(ints = {64, 256, 1000})
  void spendsAtMostTwiceTheRecurrencesFlops(int frames) {
    int batch = 2;
    int channels = 16;
    int state = 16;
    long recurrence = 7L * batch * frames * channels * state;

    long scan = ModelEvaluator.flopsOf(tf -> SelectiveScan.apply(tf,
        tf.zeros(tf.constant(new long[] {batch, frames, channels}), org.tensorflow.types.TFloat32.class),
        tf.zeros(tf.constant(new long[] {batch, frames, channels}), org.tensorflow.types.TFloat32.class),
        tf.zeros(tf.constant(new long[] {channels, state}), org.tensorflow.types.TFloat32.class),
        tf.zeros(tf.constant(new long[] {batch, frames, state}), org.tensorflow.types.TFloat32.class),
        tf.zeros(tf.constant(new long[] {batch, frames, state}), org.tensorflow.types.TFloat32.class)));

    System.out.printf("selective scan at %d frames: %.2f x the recurrence's FLOPs%n", frames, (double) scan / recurrence);
    assertThat(scan).isLessThanOrEqualTo(2 * recurrence);
  }

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
