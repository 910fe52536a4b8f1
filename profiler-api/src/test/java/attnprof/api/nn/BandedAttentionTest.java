package attnprof.api.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The blockwise sliding-window attention against a dense, band-masked attention in plain Java. */
class BandedAttentionTest {
  private static final int HEADS = 2;
  private static final int SIZE = 4;

  @org.junit.jupiter.api.Test
  void everyLayerOfAModelSharesOneBandMask() {
    try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
      Net root = Net.root(org.tensorflow.op.Ops.create(graph), 1);
      BandedAttention layout = new BandedAttention(40, 37, 4, 1);

      var first = layout.bandBias(root.scope("layer_0").part("attention"));
      var second = new BandedAttention(40, 37, 4, 1).bandBias(root.scope("layer_1").part("attention"));
      var other = new BandedAttention(40, 40, 4, 1).bandBias(root.scope("layer_1"));

      assertThat(second).isSameAs(first);
      assertThat(other).isNotSameAs(first);
    }
  }

  @ParameterizedTest(name = "{0} tokens, {1} each side, {2} valid, {3} excluded")
  @CsvSource({
      "12, 3, 12, 0", // whole blocks
      "13, 3, 13, 0", // the last block is padded
      "10, 4, 7, 0", // padding tokens at the end are not keys
      "9, 20, 9, 0", // a window longer than the input: full attention
      "16, 2, 16, 1", // the first key left out (Longformer's global token)
      "5, 1, 5, 0"})
  void equalsDenseAttentionWithABandMask(int tokens, int oneSided, int valid, int excluded) {
    float[][][][] q = random(tokens, 1);
    float[][][][] k = random(tokens, 2);
    float[][][][] v = random(tokens, 3);

    float[][][][] actual = run(tokens, tf -> new BandedAttention(tokens, valid, oneSided, excluded)
        .attend(Net.root(tf, 1), tf.constant(q), tf.constant(k), tf.constant(v)));

    assertEqualRows(actual, denseBand(q, k, v, oneSided, valid, excluded), valid);
  }

  /** Each head's first {@code rows} rows of {@code actual} equal {@code expected}'s to 1e-5. */
  static void assertEqualRows(float[][][][] actual, float[][][][] expected, int rows) {
    for (int h = 0; h < HEADS; h++) {
      for (int i = 0; i < rows; i++) {
        for (int d = 0; d < SIZE; d++) {
          assertThat(actual[0][h][i][d]).as("head %d token %d dim %d", h, i, d)
              .isCloseTo(expected[0][h][i][d], org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  @Test
  void scoresTakeMemoryLinearInLength() {
    BandedAttention band = new BandedAttention(4096, 4096, 256, 1);
    assertThat(band.blocks() * band.blockSize() * 3 * band.blockSize()).isEqualTo(4096L * 3 * 256);
  }

  static float[][][][] denseBand(float[][][][] q, float[][][][] k, float[][][][] v, int oneSided, int valid,
      int excluded) {
    int tokens = q[0][0].length;
    float[][][][] out = new float[1][HEADS][tokens][SIZE];
    for (int h = 0; h < HEADS; h++) {
      for (int i = 0; i < tokens; i++) {
        double[] weights = new double[tokens];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < tokens; j++) {
          boolean reachable = j >= excluded && j < valid && Math.abs(i - j) <= oneSided;
          if (!reachable) {
            weights[j] = Double.NaN;
            continue;
          }
          double dot = 0;
          for (int d = 0; d < SIZE; d++) {
            dot += q[0][h][i][d] * k[0][h][j][d];
          }
          weights[j] = dot / Math.sqrt(SIZE);
          max = Math.max(max, weights[j]);
        }
        double sum = 0;
        for (int j = 0; j < tokens; j++) {
          weights[j] = Double.isNaN(weights[j]) ? 0 : Math.exp(weights[j] - max);
          sum += weights[j];
        }
        for (int j = 0; j < tokens; j++) {
          for (int d = 0; d < SIZE; d++) {
            out[0][h][i][d] += (float) (weights[j] / sum * v[0][h][j][d]);
          }
        }
      }
    }
    return out;
  }

  static float[][][][] random(int tokens, long seed) {
    Random random = new Random(seed);
    float[][][][] x = new float[1][HEADS][tokens][SIZE];
    for (float[][] head : x[0]) {
      for (float[] row : head) {
        for (int d = 0; d < SIZE; d++) {
          row[d] = (float) random.nextGaussian();
        }
      }
    }
    return x;
  }

  static float[][][][] run(int tokens, java.util.function.Function<Ops, Operand<TFloat32>> build) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Operand<TFloat32> output = build.apply(Ops.create(graph));
      try (Result result = session.runner().fetch(output).run()) {
        TFloat32 tensor = (TFloat32) result.get(0);
        float[][][][] values = new float[1][HEADS][tokens][SIZE];
        for (int h = 0; h < HEADS; h++) {
          for (int i = 0; i < tokens; i++) {
            for (int d = 0; d < SIZE; d++) {
              values[0][h][i][d] = tensor.getFloat(0, h, i, d);
            }
          }
        }
        return values;
      }
    }
  }
}
