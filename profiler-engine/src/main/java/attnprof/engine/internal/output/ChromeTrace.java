package attnprof.engine.internal.output;

import attnprof.engine.format.Json;
import attnprof.api.metric.AllocatorUse;
import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import attnprof.api.model.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a traced step in the Trace Event Format that Perfetto and {@code chrome://tracing} open: one
 * process per component (so the ops of each component lie together), one track per TensorFlow thread
 * within it, one complete event ({@code "ph": "X"}) per op, times in microseconds from the step's start.
 */
public final class ChromeTrace {
  private ChromeTrace() {
  }

  /**
   * @param componentOf the component of an op by its node name; empty counts as {@code other (unscoped)}
   * @param title what the trace shows, such as {@code text/bert 512 inference b1}
   */
  public static void write(Path file, StepTrace trace, Function<String, Optional<Component>> componentOf, String title)
      throws IOException {
    long origin = trace.nodes().stream().mapToLong(NodeStats::startMicros).filter(t -> t > 0).min().orElse(0);
    List<Map<String, Object>> events = new ArrayList<>();
    Map<String, Integer> processes = new LinkedHashMap<>();
    for (Component component : Component.values()) {
      processes.put(component.scopeName(), processes.size() + 1);
    }
    processes.put("other (unscoped)", processes.size() + 1);
    processes.forEach((name, pid) -> {
      events.add(metadata("process_name", pid, Map.of("name", name)));
      events.add(metadata("process_sort_index", pid, Map.of("sort_index", pid)));
    });
    for (NodeStats node : trace.nodes()) {
      Optional<Component> component = componentOf.apply(node.name());
      String group = component.map(Component::scopeName).orElse("other (unscoped)");
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("op", node.name());
      args.put("device", node.device());
      long allocated = node.memory().stream().mapToLong(AllocatorUse::totalBytes).sum();
      if (allocated > 0) {
        args.put("allocated bytes", allocated);
      }
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("name", shortName(node.name()));
      event.put("cat", group);
      event.put("ph", "X");
      event.put("ts", Math.max(0, node.startMicros() - origin));
      event.put("dur", Math.max(0, node.durationMicros()));
      event.put("pid", processes.get(group));
      event.put("tid", node.threadId());
      event.put("args", args);
      events.add(event);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("traceEvents", events);
    document.put("displayTimeUnit", "ms");
    document.put("otherData", Map.of("title", title, "wall time of the traced step (us)", trace.wallMicros()));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Json.write(file, document);
  }

  private static Map<String, Object> metadata(String name, int pid, Map<String, Object> args) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("name", name);
    event.put("ph", "M");
    event.put("pid", pid);
    event.put("args", args);
    return event;
  }

  /** The op's own name without its scope path, which the event's arguments keep. */
  private static String shortName(String nodeName) {
    int slash = nodeName.lastIndexOf('/');
    return slash < 0 ? nodeName : nodeName.substring(slash + 1);
  }
}
