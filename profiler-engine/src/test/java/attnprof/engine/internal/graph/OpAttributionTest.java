package attnprof.engine.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.model.Component;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.engine.internal.measure.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class OpAttributionTest {

  /**
   * An embedding weight, doubled; a projection that multiplies the embedding's output directly (no
   * reshape of its own scope in between) and a softmax, in attention; a mean in other.
   */
  private static Graph trainedGraph() {
    Graph graph = new Graph();
    Ops tf = Ops.create(graph);
    Net root = Net.root(tf, 1);
    Net embedding = root.in(Component.EMBEDDING);
    Operand<TFloat32> x = embedding.tf().math.mul(embedding.weight("table", Init.normal(1), 2, 3),
        embedding.tf().constant(2f));
    Net attention = root.in(Component.ATTENTION);
    Operand<TFloat32> mixed = attention.tf().nn.softmax(Layers.denseNoBias(attention, x, 4));
    Net other = root.in(Component.OTHER);
    Operand<TFloat32> loss = other.tf().math.mean(other.tf().math.square(mixed), other.tf().constant(new int[] {0, 1}));
    TrainingStep.add(graph, tf, loss);
    return graph;
  }

  @Test
  void forwardOpsCountForTheirScopeAndUnscopedOpsForNone() {
    try (Graph graph = trainedGraph()) {
      OpAttribution attribution = OpAttribution.of(graph);
      assertThat(attribution.componentOf("attention/Softmax")).contains(Component.ATTENTION);
      assertThat(attribution.componentOf("embedding/Mul")).contains(Component.EMBEDDING);
      assertThat(attribution.componentOf("_SOURCE")).isEmpty();
      // a name TensorFlow made when it ran the step counts like the graph op it starts with
      assertThat(attribution.componentOf("attention/Softmax/_7")).contains(Component.ATTENTION);
    }
  }

  @Test
  void gradientsCountForTheComponentTheyDifferentiate() {
    try (Graph graph = trainedGraph()) {
      OpAttribution attribution = OpAttribution.of(graph);
      List<String> products = ops(graph, "Gradients/", "MatMul");
      // the kernel's gradient (reads the embedding's output) and the embedding output's gradient (reads the kernel)
      assertThat(products).hasSize(2);
      products.forEach(name -> assertThat(attribution.componentOf(name)).as(name).contains(Component.ATTENTION));
      List<String> doubling = ops(graph, "Gradients/", "Mul").stream()
          .filter(name -> readsOnly(graph, name, "embedding/")).toList();
      assertThat(doubling).isNotEmpty();
      doubling.forEach(name -> assertThat(attribution.componentOf(name)).as(name).contains(Component.EMBEDDING));
    }
  }

  @Test
  void weightUpdatesCountForTheirWeightsComponent() {
    try (Graph graph = trainedGraph()) {
      OpAttribution attribution = OpAttribution.of(graph);
      List<Optional<Component>> updates = ops(graph, "optimizer/", "ApplyAdam").stream()
          .map(attribution::componentOf).toList();
      assertThat(updates).containsExactlyInAnyOrder(Optional.of(Component.EMBEDDING), Optional.of(Component.ATTENTION));
    }
  }

  private static List<String> ops(Graph graph, String prefix, String type) {
    List<String> names = new ArrayList<>();
    graph.operations().forEachRemaining(op -> {
      if (op.name().startsWith(prefix) && op.type().equals(type)) {
        names.add(op.name());
      }
    });
    return names;
  }

  /** Whether every forward (non-gradient) input of the op is in the given scope. */
  private static boolean readsOnly(Graph graph, String name, String scope) {
    GraphOperation op = graph.operation(name);
    boolean any = false;
    for (Operand<?> input : op.inputs()) {
      String inputName = input.op().name();
      if (!inputName.startsWith("Gradients/")) {
        any = true;
        if (!inputName.startsWith(scope)) {
          return false;
        }
      }
    }
    return any;
  }
}
