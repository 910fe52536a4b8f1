package attnprof.engine.internal.device;

import attnprof.api.device.Availability;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.device.DeviceDescriptor;
import attnprof.api.device.DeviceRequest;
import attnprof.api.metric.StepTrace;
import attnprof.engine.internal.environment.HostFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.tensorflow.proto.ConfigProto;

/**
 * The host CPU, always available. Peak memory comes from the BFC allocator's bytes in use in the step
 * stats, which TensorFlow's CPU allocator reports once {@code TF_CPU_ALLOCATOR_USE_BFC=true} is set
 * before it loads (the engine sets it on every child JVM).
 */
public final class CpuDevice implements DeviceAdapter {
  private static final DeviceDescriptor DESCRIPTOR = new DeviceDescriptor("cpu", "CPU",
      "the host CPU through TensorFlow's CPU kernels (oneDNN); peak memory from the BFC allocator's bytes in use");

  @Override
  public DeviceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public boolean handles(String deviceId) {
    return deviceId.equals("cpu") || deviceId.equals("cpu:0");
  }

  @Override
  public Availability availability(String deviceId) {
    if (!handles(deviceId)) {
      return Availability.unavailable("there is one CPU device, `cpu`; got `" + deviceId + "`");
    }
    return Availability.available(HostFacts.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
  }

  @Override
  public String tensorflowDevice(String deviceId) {
    return "/device:CPU:0";
  }

  @Override
  public ConfigProto sessionConfig(DeviceRequest request) {
    ConfigProto.Builder config = ConfigProto.newBuilder().setAllowSoftPlacement(false);
    if (request.threads() > 0) {
      config.setIntraOpParallelismThreads(request.threads()).setInterOpParallelismThreads(request.threads());
    }
    return config.build();
  }

  @Override
  public Map<String, String> processEnvironment(String deviceId) {
    return Map.of("TF_CPU_ALLOCATOR_USE_BFC", "true");
  }

  @Override
  public OptionalLong peakMemoryBytes(StepTrace trace, String deviceId) {
    // only the BFC allocator tracks the bytes in use; the default CPU allocator's figures are partial
    return trace.peakAllocatorBytesInUse("bfc");
  }

  @Override
  public Map<String, String> describe(String deviceId) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("cpu_model", HostFacts.cpuModel());
    facts.put("cpu_cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    HostFacts.totalMemoryBytes().ifPresent(bytes -> facts.put("memory_bytes", String.valueOf(bytes)));
    return facts;
  }
}
