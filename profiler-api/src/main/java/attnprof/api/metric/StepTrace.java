package attnprof.api.metric;

import java.util.List;
import java.util.OptionalLong;

/**
 * One step run with full tracing: every op's timing and memory, and the step's wall time.
 *
 * @param nodes the ops that ran, in the order TensorFlow reported them
 * @param wallMicros the wall time of the whole traced run, microseconds
 */
public record StepTrace(List<NodeStats> nodes, long wallMicros) {
  public StepTrace {
    nodes = List.copyOf(nodes);
  }

  /**
   * The largest number of bytes in use in allocators whose name contains {@code allocatorNamePart}
   * at any recorded moment of the step; empty when no op recorded it.
   */
  public OptionalLong peakAllocatorBytesInUse(String allocatorNamePart) {
    long peak = -1;
    for (NodeStats node : nodes) {
      for (AllocatorUse use : node.memory()) {
        if (use.allocatorName().contains(allocatorNamePart) && use.allocatorBytesInUse() > 0) {
          peak = Math.max(peak, use.allocatorBytesInUse());
        }
      }
    }
    return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
  }
}
