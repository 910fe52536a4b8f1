package attnprof.api.device;

import attnprof.api.metric.StepTrace;
import java.util.Map;
import java.util.OptionalLong;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a graph runs: a device family such as the CPU or CUDA GPUs.
 *
 * <p>Declared with {@code provides attnprof.api.device.DeviceAdapter with ...}. The constructor must
 * be cheap and must not load native libraries; {@link #availability} probes lazily and never throws.
 * Methods may be called from any thread.
 *
 * @since API 1
 */
public interface DeviceAdapter {

  /** What this adapter serves; the same value on every call. */
  DeviceDescriptor descriptor();

  /** Whether a device id belongs to this adapter's family ({@code cuda} and {@code cuda:1} for CUDA). */
  default boolean handles(String deviceId) {
    String family = descriptor().family();
    return deviceId.equals(family) || deviceId.startsWith(family + ":");
  }

  /** Whether the device can run here, and if not, why, in one line. Never throws. */
  Availability availability(String deviceId);

  /** The TensorFlow device string that ops are placed on, such as {@code /device:CPU:0}. */
  String tensorflowDevice(String deviceId);

  /** The session configuration for a run on the device (threads, memory growth, placement). */
  ConfigProto sessionConfig(DeviceRequest request);

  /**
   * Environment variables the measuring process needs before TensorFlow loads (allocator choice,
   * visible devices). The engine sets them on the child JVM; they have no effect in-process.
   */
  default Map<String, String> processEnvironment(String deviceId) {
    return Map.of();
  }

  /**
   * The peak bytes in use on the device during a traced step, from its allocator statistics; empty
   * when the allocator in use does not report them.
   */
  OptionalLong peakMemoryBytes(StepTrace trace, String deviceId);

  /**
   * The most bytes a traced step itself held allocated at once on the device, from the records of
   * each allocation and release the trace keeps (requested bytes; nothing allocated before the step,
   * so the same however many models the process holds); empty when there are no records. The default
   * replays every allocator of the trace.
   */
  default OptionalLong stepPeakBytes(StepTrace trace, String deviceId) {
    return trace.peakAllocatedBytes("");
  }

  /**
   * A description of the hardware for the run's environment record (model, memory, driver), as
   * ordered key-value pairs. Never throws; unknown facts are left out.
   */
  Map<String, String> describe(String deviceId);
}
