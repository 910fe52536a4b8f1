package attnprof.plugin.text;

import static attnprof.plugin.text.TextReferences.maxAbsoluteDifference;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.ModelEvaluator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nyströmformer against full attention, and its pseudo-inverse against the identity. */
class NystromformerCorrectnessTest {

  @Test
  void asManyLandmarksAsTokensApproachesFullAttention() {
    int tokens = 16;
    float[] bert = TextReferences.forward(new BertVariant(), TextReferences.tiny(new BertVariant(), Map.of()), tokens);
    NystromformerVariant nystrom = new NystromformerVariant();
    double sixIterations = maxAbsoluteDifference(bert, TextReferences.forward(nystrom, TextReferences.tiny(nystrom,
        Map.of("landmarks", String.valueOf(tokens), "conv_kernel", "0")), tokens));
    double twentyIterations = maxAbsoluteDifference(bert, TextReferences.forward(nystrom, TextReferences.tiny(nystrom,
        Map.of("landmarks", String.valueOf(tokens), "conv_kernel", "0", "pinv_iterations", "20")), tokens));
    double fewLandmarks = maxAbsoluteDifference(bert, TextReferences.forward(nystrom, TextReferences.tiny(nystrom,
        Map.of("landmarks", "2", "conv_kernel", "0")), tokens));

    assertThat(twentyIterations).isLessThan(1e-3).isLessThanOrEqualTo(sixIterations);
    assertThat(sixIterations).isLessThan(fewLandmarks);
  }

  @Test
  void theIterativePseudoInverseInvertsAWellConditionedStochasticMatrix() {
    float[][] matrix = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.2f, 0.6f}};
    float[] product = ModelEvaluator.evaluate(tf -> attnprof.api.nn.Layers.batchMatMul(tf,
        NystromAttention.pseudoInverse(tf, tf.constant(matrix), 12), tf.constant(matrix), false));

    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat((double) product[i * 3 + j]).isCloseTo(i == j ? 1 : 0, org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }

  @Test
  void segmentMeansAverageContiguousSegmentsOfNearEqualSize() {
    float[][] means = NystromAttention.segmentMeans(5, 6, 2);
    // segments [0, 2) and [2, 5); the sixth token is padding and belongs to none
    assertThat(means[0]).containsExactly(0.5f, 0.5f, 0, 0, 0, 0);
    assertThat(means[1]).containsExactly(0, 0, 1f / 3, 1f / 3, 1f / 3, 0);
  }
}
