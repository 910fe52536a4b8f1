package attnprof.example.linear;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.ModelEvaluator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mixer's core against the same formula computed in plain Java, padding keys left out. */
class LinearAttentionTest {
  @Test
  void equalsPhiQTimesPhiKTransposedVNormalisedOverTheRealKeys() {
    int tokens = 5;
    int valid = 3;
    int d = 4;
    Random random = new Random(7);
    float[][] q = matrix(random, tokens, d);
    float[][] k = matrix(random, tokens, d);
    float[][] v = matrix(random, tokens, d);

    float[] mixed = ModelEvaluator.evaluate(tf -> LinearAttention.attend(tf, tf.constant(q), tf.constant(k),
        tf.constant(v), valid));

    for (int i = 0; i < tokens; i++) {
      double normaliser = 0;
      double[] numerator = new double[d];
      for (int j = 0; j < valid; j++) {
        double weight = 0;
        for (int c = 0; c < d; c++) {
          weight += phi(q[i][c]) * phi(k[j][c]);
        }
        normaliser += weight;
        for (int c = 0; c < d; c++) {
          numerator[c] += weight * v[j][c];
        }
      }
      for (int c = 0; c < d; c++) {
        assertThat((double) mixed[i * d + c]).isCloseTo(numerator[c] / normaliser,
            org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }

  private static double phi(float x) {
    return x > 0 ? x + 1 : Math.exp(x);
  }

  private static float[][] matrix(Random random, int rows, int columns) {
    float[][] values = new float[rows][columns];
    for (float[] row : values) {
      for (int c = 0; c < columns; c++) {
        row[c] = (float) random.nextGaussian();
      }
    }
    return values;
  }
}
