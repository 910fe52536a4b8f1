package attnprof.engine.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.ThreadPoolOptionProto;
import org.tensorflow.types.TFloat32;

/** A step traced one op at a time runs its ops one after another, in a session whose other steps do not. */
class OneOpAtATimeTraceTest {

  @Test
  void theSessionGetsTheDevicesPoolAndOneOfOneThread() {
    ConfigProto config = LoadedModel.withOneOpAtATimePool(
        ConfigProto.newBuilder().setInterOpParallelismThreads(3).setIntraOpParallelismThreads(2).build());

    assertThat(config.getSessionInterOpThreadPoolList()).extracting(ThreadPoolOptionProto::getNumThreads)
        .containsExactly(3, 1);
    assertThat(config.getIntraOpParallelismThreads()).isEqualTo(2);
    assertThatThrownBy(() -> LoadedModel.withOneOpAtATimePool(config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inter-op pools");
  }

  @Test
  void independentBranchesRunOneAfterTheOther() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> sum = tf.math.addN(List.of(branch(tf, 1f), branch(tf, 2f), branch(tf, 3f)));
      // three inter-op threads: the branches' products overlap when the step runs on the first pool
      ConfigProto config = LoadedModel.withOneOpAtATimePool(
          ConfigProto.newBuilder().setInterOpParallelismThreads(3).setIntraOpParallelismThreads(1).build());
      try (Session session = new Session(graph, config)) {
        session.initialize();
        SessionStep step = new SessionStep(session, List.of(), null, sum, null);
        step.run();

        // on the first pool, the products of the branches overlap in most steps: in every one of three, none does
        for (int repeat = 0; repeat < 3; repeat++) {
          StepTrace trace = step.runTracedOneOpAtATime();

          List<NodeStats> products = new ArrayList<>(trace.nodes().stream()
              .filter(node -> node.name().startsWith("MatMul")).toList());
          assertThat(products).hasSize(12);
          products.sort(Comparator.comparingLong(NodeStats::startMicros));
          for (int i = 1; i < products.size(); i++) {
            NodeStats before = products.get(i - 1);
            assertThat(products.get(i).startMicros()).as(products.get(i).name() + " after " + before.name())
                .isGreaterThanOrEqualTo(before.startMicros() + before.durationMicros());
          }
        }
      }
    }
  }

  /** Four 384 x 384 products in a chain: about a millisecond of work that does not depend on the other branch. */
  private static Operand<TFloat32> branch(Ops tf, float value) {
    // a variable, which Grappler does not fold into a constant as it would the products of constants
    Operand<TFloat32> matrix = tf.variable(tf.fill(tf.constant(new int[] {384, 384}), tf.constant(value / 384)));
    Operand<TFloat32> x = tf.identity(matrix);
    for (int i = 0; i < 4; i++) {
      x = tf.linalg.matMul(x, matrix);
    }
    return x;
  }
}
