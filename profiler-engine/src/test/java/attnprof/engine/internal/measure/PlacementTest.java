package attnprof.engine.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private static final Map<String, String> TYPES = Map.of("layer_0/attention/MatMul", "MatMul",
      "layer_0/attention/Shape", "Shape", "layer_0/attention/Shape_1", "Shape", "other/Unique", "Unique");

  private static NodeStats node(String name, String device) {
    return new NodeStats(name, device, 0, 1, List.of(), 0);
  }

  @Test
  void opsThatRanOffTheGpuAreNamedByTypeWithCounts() {
    StepTrace trace = new StepTrace(List.of(
        node("layer_0/attention/MatMul", "/job:localhost/replica:0/task:0/device:GPU:0"),
        node("layer_0/attention/MatMul", "/device:GPU:0/stream:all"),
        node("layer_0/attention/Shape", "/job:localhost/replica:0/task:0/device:CPU:0"),
        node("layer_0/attention/Shape_1", "/job:localhost/replica:0/task:0/device:CPU:0"),
        node("other/Unique", "/job:localhost/replica:0/task:0/device:CPU:0"),
        node("_SOURCE", "/job:localhost/replica:0/task:0/device:CPU:0"),
        node("layer_0/attention/MatMul/_3", "/job:localhost/replica:0/task:0/device:CPU:0")), 10);

    assertThat(Placement.offDevice(trace, "/device:GPU:0", name -> Optional.ofNullable(TYPES.get(name))))
        .contains("placement: 3 of 5 ops ran on CPU:0, not GPU:0: Shape (2) Unique (1)");
  }

  @Test
  void aStepThatRanWhereItWasPlacedHasNoNote() {
    StepTrace trace = new StepTrace(List.of(node("layer_0/attention/MatMul",
        "/job:localhost/replica:0/task:0/device:CPU:0")), 10);
    assertThat(Placement.offDevice(trace, "/device:CPU:0", name -> Optional.empty())).isEmpty();
  }
}
