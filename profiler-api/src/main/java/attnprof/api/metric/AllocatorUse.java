package attnprof.api.metric;

/**
 * What one op did to one allocator during a traced step, from TensorFlow's step stats.
 *
 * @param allocatorName the allocator, such as {@code bfc_cpu_allocator_for_gpu} or {@code GPU_0_bfc}
 * @param totalBytes bytes the op allocated
 * @param peakBytes the op's own peak of live bytes
 * @param allocatorBytesInUse bytes in use in the whole allocator when the op was recorded (only
 *     filled by allocators that track it, such as the BFC allocators; zero otherwise)
 */
public record AllocatorUse(String allocatorName, long totalBytes, long peakBytes, long allocatorBytesInUse) {
}
