package attnprof.engine.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.model.Component;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

class FlopCounterTest {

  private static long count(Graph graph, Operand<?> output) {
    FlopCounter.Count count = FlopCounter.count(StepOperations.closureOf(Set.of((GraphOperation) output.op())),
        name -> Optional.of(Component.OTHER));
    assertThat(count.uncounted()).isEmpty();
    return count.total();
  }

  @Test
  void matrixProductsCostTwoPerMultiplyAddWhateverIsTransposed() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> a = tf.constant(new float[5][3]);
      Operand<TFloat32> b = tf.constant(new float[4][3]);
      // [5,3]·[4,3]ᵀ: 5·4 outputs of 3 multiply-adds
      assertThat(count(graph, tf.linalg.matMul(a, b, MatMul.transposeB(true)))).isEqualTo(2 * 5 * 4 * 3);
      Operand<TFloat32> q = tf.constant(new float[2][6][7][8]);
      Operand<TFloat32> k = tf.constant(new float[2][6][8][7]);
      // [2,6,8,7]ᵀ·... with adj_x: contracted over 8, output [2,6,7,7]
      Operand<TFloat32> scores = tf.train.batchMatMul(k, k, TFloat32.class, BatchMatMul.adjX(true));
      assertThat(count(graph, scores)).isEqualTo(2L * 2 * 6 * 7 * 7 * 8);
      assertThat(count(graph, tf.train.batchMatMul(q, k, TFloat32.class))).isEqualTo(2L * 2 * 6 * 7 * 7 * 8);
    }
  }

  @Test
  void theBytesOfAComputingOpAreItsInputsAndOutputsAtFourBytesAnElementAndDataMovementHasNone() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> product = tf.linalg.matMul(tf.constant(new float[5][3]), tf.constant(new float[3][4]));
      Operand<TFloat32> moved = tf.reshape(product, tf.constant(new long[] {20}));
      var count = FlopCounter.count(java.util.List.of((org.tensorflow.GraphOperation) product.op(),
          (org.tensorflow.GraphOperation) moved.op()), name -> java.util.Optional.of(Component.ATTENTION));
      // [5,3] and [3,4] read, [5,4] written; the reshape computes nothing and is not counted
      assertThat(count.bytesByComponent().get(Component.ATTENTION)).isEqualTo(4L * (15 + 12 + 20));
      assertThat(count.bytesByComponent().get(Component.NORM)).isZero();
    }
  }

  @Test
  void convolutionsCostTheirFilterAtEveryOutputPosition() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> image = tf.constant(new float[1][8][8][3]);
      Operand<TFloat32> filter = tf.constant(new float[2][2][3][5]);
      Operand<TFloat32> patches = tf.nn.conv2d(image, filter, java.util.List.of(1L, 2L, 2L, 1L), "VALID");
      assertThat(count(graph, patches)).isEqualTo(2L * 4 * 4 * (2 * 2 * 3 * 5));
      Operand<TFloat32> depthwise = tf.nn.depthwiseConv2dNative(tf.constant(new float[1][6][6][4]),
          tf.constant(new float[3][3][4][1]), java.util.List.of(1L, 1L, 1L, 1L), "SAME");
      assertThat(count(graph, depthwise)).isEqualTo(2L * 6 * 6 * (3 * 3 * 4));
    }
  }

  @Test
  void elementWiseOpsCostOnePerOutputAndReductionsOnePerInput() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> x = tf.constant(new float[4][6]);
      Operand<TFloat32> y = tf.math.add(tf.math.exp(x), tf.constant(new float[6]));
      Operand<TFloat32> summed = tf.sum(tf.reshape(y, tf.constant(new int[] {24})), tf.constant(0));
      // exp 24, broadcast add 24, sum over 24 inputs; the reshape moves data only
      assertThat(count(graph, summed)).isEqualTo(24 + 24 + 24);
      assertThat(count(graph, tf.nn.softmax(x))).isEqualTo(5 * 24);
      assertThat(count(graph, tf.math.addN(java.util.List.of(x, x, x)))).isEqualTo(2 * 24);
    }
  }

  @Test
  void anOpWhoseShapeIsUnknownIsListedNotCounted() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Operand<TFloat32> doubled = tf.math.mul(x, tf.constant(2f));
      FlopCounter.Count count = FlopCounter.count(StepOperations.closureOf(Set.of((GraphOperation) doubled.op())),
          name -> Optional.empty());
      assertThat(count.total()).isZero();
      assertThat(count.uncounted()).containsExactly("Mul (shape not known before running)");
    }
  }
}
