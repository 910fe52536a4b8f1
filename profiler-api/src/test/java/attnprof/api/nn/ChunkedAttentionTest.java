package attnprof.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;

/** Query- and key-chunked exact attention against dense attention computed in plain Java, padding included. */
class ChunkedAttentionTest {
  @ParameterizedTest(name = "{0} tokens in chunks of {1} queries and {2} keys, {3} valid")
  @CsvSource({
      "12, 4, 4, 12", // whole chunks
      "13, 4, 5, 13", // last chunks partial
      "10, 3, 4, 7", // padding keys removed from every softmax, across chunk borders
      "9, 20, 20, 9", // chunks longer than the input: one dense block
      "16, 16, 2, 16", // key chunks only
      "16, 1, 16, 11"}) // a query a chunk
  void equalsDenseAttention(int tokens, int queryChunk, int keyChunk, int valid) {
    float[][][][] q = BandedAttentionTest.random(tokens, 1);
    float[][][][] k = BandedAttentionTest.random(tokens, 2);
    float[][][][] v = BandedAttentionTest.random(tokens, 3);

    float[][][][] actual = BandedAttentionTest.run(tokens, tf -> new ChunkedAttention(queryChunk, keyChunk)
        .attend(tf, tf.constant(q), tf.constant(k), tf.constant(v),
            valid < tokens ? MultiHeadAttention.keyPaddingBias(tf, tokens, valid) : null));

    BandedAttentionTest.assertEqualRows(actual, BandedAttentionTest.denseBand(q, k, v, tokens, valid, 0), tokens);
  }

  @Test
  void noTensorIsLargerThanAChunkOfScoresOrTheInputs() {
    int tokens = 64;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var q = tf.constant(BandedAttentionTest.random(tokens, 1));
      new ChunkedAttention(8, 16).attend(tf, q, q, q, MultiHeadAttention.keyPaddingBias(tf, tokens, 60));
      long largest = 0;
      for (java.util.Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
        GraphOperation op = ops.next();
        for (int i = 0; i < op.numOutputs(); i++) {
          org.tensorflow.ndarray.Shape shape = op.output(i).shape();
          if (!op.type().equals("Const") && !op.type().equals("ConcatV2") && shape.numDimensions() == 4) {
            largest = Math.max(largest, shape.size(2) * shape.size(3));
          }
        }
      }
      assertThat(largest).isEqualTo(8 * 16); // a chunk of scores; values and outputs are 8 x 4
    }
  }

  @Test
  void multiHeadAttentionInChunksEqualsItsDenseSelfWithTheSameWeights() {
    int tokens = 21;
    float[][][] x = new float[1][tokens][8];
    java.util.Random random = new java.util.Random(5);
    for (float[] row : x[0]) {
      for (int d = 0; d < row.length; d++) {
        row[d] = (float) random.nextGaussian();
      }
    }
    float[][] dense = mix(new MultiHeadAttention(2), x, 17);
    float[][] chunked = mix(new MultiHeadAttention(2, new ChunkedAttention(4, 8)), x, 17);
    for (int i = 0; i < tokens; i++) {
      for (int d = 0; d < 8; d++) {
        assertThat(chunked[i][d]).as("token %d dim %d", i, d)
            .isCloseTo(dense[i][d], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  private static float[][] mix(MultiHeadAttention attention, float[][][] x, int valid) {
    try (Graph graph = new Graph(); org.tensorflow.Session session = new org.tensorflow.Session(graph)) {
      Ops tf = Ops.create(graph);
      Net net = Net.root(tf, 1);
      var output = attention.mix(net, new Sequence(tf.constant(x), valid));
      session.initialize();
      try (org.tensorflow.Result result = session.runner().fetch(output).run()) {
        org.tensorflow.types.TFloat32 tensor = (org.tensorflow.types.TFloat32) result.get(0);
        float[][] values = new float[x[0].length][x[0][0].length];
        for (int i = 0; i < values.length; i++) {
          for (int d = 0; d < values[i].length; d++) {
            values[i][d] = tensor.getFloat(0, i, d);
          }
        }
        return values;
      }
    }
  }

  @Test
  void refusesChunksThatAreNotPositive() {
    assertThatThrownBy(() -> new ChunkedAttention(0, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
