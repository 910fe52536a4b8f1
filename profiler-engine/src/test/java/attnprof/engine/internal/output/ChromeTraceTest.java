package attnprof.engine.internal.output;

import attnprof.engine.format.Json;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.metric.AllocatorUse;
import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import attnprof.api.model.Component;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceTest {
  @Test
  void everyOpIsACompleteEventInItsComponentsProcessOnItsThreadsTrack(@TempDir Path folder) throws Exception {
    StepTrace trace = new StepTrace(List.of(
        new NodeStats("layer_0/attention/MatMul", "/cpu:0", 1_000_100, 40, List.of(new AllocatorUse("cpu", 64, 64, 0)), 7),
        new NodeStats("_SOURCE", "/cpu:0", 1_000_000, 1, List.of(), 8)), 150);
    Path file = folder.resolve("t.trace.json");

    ChromeTrace.write(file, trace, Component::scopeOf, "text/bert 16 inference b1");

    JsonNode events = Json.mapper().readTree(file.toFile()).path("traceEvents");
    JsonNode matMul = find(events, "MatMul");
    assertThat(matMul.path("ph").asText()).isEqualTo("X");
    assertThat(matMul.path("ts").asLong()).isEqualTo(100);
    assertThat(matMul.path("dur").asLong()).isEqualTo(40);
    assertThat(matMul.path("tid").asLong()).isEqualTo(7);
    assertThat(matMul.path("cat").asText()).isEqualTo("attention");
    assertThat(matMul.path("args").path("op").asText()).isEqualTo("layer_0/attention/MatMul");
    assertThat(processName(events, matMul.path("pid").asInt())).isEqualTo("attention");
    assertThat(processName(events, find(events, "_SOURCE").path("pid").asInt())).isEqualTo("other (unscoped)");
  }

  private static JsonNode find(JsonNode events, String name) {
    for (JsonNode event : events) {
      if (event.path("name").asText().equals(name)) {
        return event;
      }
    }
    throw new AssertionError("no event " + name);
  }

  private static String processName(JsonNode events, int pid) {
    for (JsonNode event : events) {
      if (event.path("ph").asText().equals("M") && event.path("name").asText().equals("process_name")
          && event.path("pid").asInt() == pid) {
        return event.path("args").path("name").asText();
      }
    }
    throw new AssertionError("no process " + pid);
  }
}
