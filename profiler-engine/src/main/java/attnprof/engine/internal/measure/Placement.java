package attnprof.engine.internal.measure;

import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a traced step's ops ran, against where they were placed: on a GPU, an op with no GPU kernel
 * runs on the CPU instead, and a variant whose attention silently falls back to the CPU must be
 * visible, not hidden in a number.
 */
final class Placement {
  private Placement() {
  }

  /**
   * A note naming the ops that ran off the expected device, by type with counts, or empty when every
   * op ran there. TensorFlow's own bookkeeping nodes ({@code _SOURCE}, {@code _SINK}, sends and
   * receives, named with a leading underscore) are not ops of the model and are left out.
   *
   * @param expectedDevice the TensorFlow device the ops were placed on, such as {@code /device:GPU:0}
   * @param typeOf an op's type by its node name, empty for names the graph does not have
   */
  static Optional<String> offDevice(StepTrace trace, String expectedDevice, Function<String, Optional<String>> typeOf) {
    String expected = deviceName(expectedDevice);
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> devices = new TreeMap<>();
    int ops = 0;
    for (NodeStats node : trace.nodes()) {
      String leaf = node.name().substring(node.name().lastIndexOf('/') + 1);
      if (node.name().startsWith("_") || leaf.startsWith("_")) {
        continue;
      }
      ops++;
      String device = deviceName(node.device());
      if (!device.startsWith(expected)) {
        byType.merge(typeOf.apply(node.name()).orElse(leaf), 1, Integer::sum);
        devices.merge(device, 1, Integer::sum);
      }
    }
    if (byType.isEmpty()) {
      return Optional.empty();
    }
    int off = byType.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "placement: %d of %d ops ran on %s, not %s:",
        off, ops, String.join(" and ", devices.keySet()), expected));
    byType.forEach((type, count) -> note.append(' ').append(type).append(" (").append(count).append(')'));
    return Optional.of(note.toString());
  }

  /** {@code GPU:0} from {@code /job:localhost/replica:0/task:0/device:GPU:0} or {@code /device:GPU:0}. */
  static String deviceName(String device) {
    int at = device.toLowerCase(Locale.ROOT).lastIndexOf("device:");
    return (at < 0 ? device : device.substring(at + "device:".length())).toUpperCase(Locale.ROOT);
  }
}
