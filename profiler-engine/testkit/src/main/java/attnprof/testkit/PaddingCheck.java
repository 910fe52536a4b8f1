package attnprof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.nn.TokenMixer;
import java.util.Random;

/**
 * Whether padding can reach a real token through a mixer: the same real tokens followed by other padding
 * must give the real tokens the same outputs.
 */
final class PaddingCheck {
  private static final int TOKENS = 9;
  private static final int VALID = 6;

  private PaddingCheck() {
  }

  static void assertPaddingIsIgnored(TokenMixer mixer, int width) {
    float[][][] x = random(1, 2, TOKENS, width);
    float[][][] otherPadding = random(2, 2, TOKENS, width);
    for (int b = 0; b < x.length; b++) {
      for (int t = 0; t < VALID; t++) {
        otherPadding[b][t] = x[b][t].clone();
      }
    }
    float[][][] first = ModelEvaluator.mixPadded(mixer, x, VALID, 1);
    float[][][] second = ModelEvaluator.mixPadded(mixer, otherPadding, VALID, 1);
    for (int b = 0; b < x.length; b++) {
      for (int t = 0; t < VALID; t++) {
        for (int d = 0; d < width; d++) {
          assertThat(second[b][t][d]).as("batch %d, real token %d", b, t)
              .isCloseTo(first[b][t][d], org.assertj.core.data.Offset.offset(1e-4f));
        }
      }
    }
  }

  /** Gaussian token vectors {@code [batch][tokens][width]} from a seed. */
  static float[][][] random(long seed, int batch, int tokens, int width) {
    Random random = new Random(seed);
    float[][][] values = new float[batch][tokens][width];
    for (float[][] sequence : values) {
      for (float[] token : sequence) {
        for (int d = 0; d < width; d++) {
          token[d] = (float) random.nextGaussian();
        }
      }
    }
    return values;
  }
}
