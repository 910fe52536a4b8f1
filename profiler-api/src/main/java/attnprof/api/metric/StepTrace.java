package attnprof.api.metric;

import java.util.List;
import java.util.OptionalLong;

/**
 * One step run with full tracing: every op's timing and memory, and the step's wall time.
 *
 * @param nodes the ops that ran, in the order TensorFlow reported them
 * @param wallMicros the wall time of the whole traced run, microseconds
 *
 * @since API 1
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

  /**
   * The most bytes the step itself held allocated at once in allocators whose name contains
   * {@code allocatorNamePart}: its allocations and releases replayed in time order, requested bytes
   * (no allocator rounding), nothing that was allocated before the step. The same whatever else the
   * process holds. Empty when no op kept allocation records.
   */
  public OptionalLong peakAllocatedBytes(String allocatorNamePart) {
    List<AllocatorUse.Allocation> allocations = new java.util.ArrayList<>();
    for (NodeStats node : nodes) {
      for (AllocatorUse use : node.memory()) {
        if (use.allocatorName().contains(allocatorNamePart)) {
          allocations.addAll(use.allocations());
        }
      }
    }
    if (allocations.isEmpty()) {
      return OptionalLong.empty();
    }
    // releases before allocations at the same microsecond: a buffer freed as another is made is not counted twice
    allocations.sort(java.util.Comparator.comparingLong(AllocatorUse.Allocation::micros)
        .thenComparingLong(AllocatorUse.Allocation::bytes));
    long held = 0;
    long peak = 0;
    for (AllocatorUse.Allocation allocation : allocations) {
      held += allocation.bytes();
      peak = Math.max(peak, held);
    }
    return OptionalLong.of(peak);
  }
}
