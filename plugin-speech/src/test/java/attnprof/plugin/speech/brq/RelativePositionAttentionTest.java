package attnprof.plugin.speech.brq;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.ModelEvaluator;
import org.junit.jupiter.api.Test;

/** RelPosMHAXL's shift and encodings, against what Transformer-XL's relative attention requires. */
class RelativePositionAttentionTest {

  @Test
  void theShiftPutsRelativePositionIMinusJInRowIColumnJ() {
    int frames = 5;
    int positions = 2 * frames - 1;
    // row i, column c holds 100·i + the relative position the column stands for, T - 1 - c
    float[][][][] scores = new float[1][2][frames][positions];
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < frames; i++) {
        for (int c = 0; c < positions; c++) {
          scores[0][h][i][c] = 100 * i + (frames - 1 - c) + 1000 * h;
        }
      }
    }

    float[] shifted = ModelEvaluator.evaluate(tf -> RelativePositionAttention.shift(tf, tf.constant(scores)));

    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < frames; i++) {
        for (int j = 0; j < frames; j++) {
          assertThat(shifted[(h * frames + i) * frames + j]).as("head %d row %d column %d", h, i, j)
              .isEqualTo(100f * i + (i - j) + 1000 * h);
        }
      }
    }
  }

  @Test
  void theEncodingsAreSinusoidsOfTheDistanceAsSpeechbrainWritesThem() {
    float[][] encodings = RelativePositionAttention.encodings(4, 6);
    assertThat(encodings).hasNumberOfRows(7);
    for (int row = 0; row < 7; row++) {
      int position = 3 - row;
      for (int i = 0; i < 6; i += 2) {
        double frequency = Math.exp(-Math.log(10_000) * i / 6);
        assertThat((double) encodings[row][i]).isCloseTo(Math.sin(Math.abs(position) * frequency),
            org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) encodings[row][i + 1]).isCloseTo(Math.cos(position * frequency),
            org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }
}
