package attnprof.api.metric;

import java.util.List;

/**
 * What one op did to one allocator during a traced step, from TensorFlow's step stats.
 *
 * @param allocatorName the allocator, such as {@code bfc_cpu_allocator_for_gpu} or {@code GPU_0_bfc}
 * @param totalBytes bytes the op allocated
 * @param peakBytes the op's own peak of live bytes
 * @param allocatorBytesInUse bytes in use in the whole allocator when the op was recorded (only
 *     filled by allocators that track it, such as the BFC allocators; zero otherwise)
 * @param allocations the op's allocations and releases in this allocator, in the order they happened;
 *     empty when the trace kept none
 *
 * @since API 1
 */
public record AllocatorUse(String allocatorName, long totalBytes, long peakBytes, long allocatorBytesInUse,
    List<Allocation> allocations) {

  public AllocatorUse {
    allocations = allocations == null ? List.of() : List.copyOf(allocations);
  }

  /** An op's use of an allocator without its allocation records. */
  public AllocatorUse(String allocatorName, long totalBytes, long peakBytes, long allocatorBytesInUse) {
    this(allocatorName, totalBytes, peakBytes, allocatorBytesInUse, List.of());
  }

  /**
   * One allocation or release.
   *
   * @param micros when, in microseconds since the epoch
   * @param bytes the bytes requested: positive for an allocation, negative for a release
   */
  public record Allocation(long micros, long bytes) {
  }
}
