package attnprof.plugin.cuda;

import attnprof.api.device.Availability;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.device.DeviceDescriptor;
import attnprof.api.device.DeviceRequest;
import attnprof.api.metric.StepTrace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * NVIDIA GPUs through TensorFlow's CUDA kernels: {@code cuda:0}, {@code cuda:1}, ... The measuring
 * process sees only the measured GPU ({@code CUDA_VISIBLE_DEVICES}), as TensorFlow's {@code GPU:0},
 * with memory allocated as it grows so that the allocator's peak is the step's own. Ops are placed on
 * the GPU; one with no GPU kernel falls back to the CPU, and the engine lists such ops for the point.
 * Peak memory is the GPU BFC allocator's bytes in use at their highest in a traced step.
 */
public final class CudaDevice implements DeviceAdapter {
  private static final DeviceDescriptor DESCRIPTOR = new DeviceDescriptor("cuda", "NVIDIA GPU (CUDA)",
      "NVIDIA GPUs through TensorFlow's CUDA kernels; peak memory from the GPU allocator's bytes in use");

  private final Supplier<GpuEnvironment> environment;
  private GpuEnvironment probed;

  public CudaDevice() {
    this(HostGpuEnvironment::probe);
  }

  CudaDevice(Supplier<GpuEnvironment> environment) {
    this.environment = environment;
  }

  private synchronized GpuEnvironment environment() {
    if (probed == null) {
      probed = environment.get();
    }
    return probed;
  }

  @Override
  public DeviceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Availability availability(String deviceId) {
    try {
      return CudaAvailability.decide(deviceId, environment());
    } catch (RuntimeException e) {
      return Availability.unavailable("cannot tell whether " + deviceId + " can run: " + e.getMessage());
    }
  }

  @Override
  public String tensorflowDevice(String deviceId) {
    // the measuring process sees only this GPU
    return "/device:GPU:0";
  }

  @Override
  public ConfigProto sessionConfig(DeviceRequest request) {
    ConfigProto.Builder config = ConfigProto.newBuilder()
        // an op with no GPU kernel runs on the CPU, and the placement report names it
        .setAllowSoftPlacement(true)
        .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
    if (request.threads() > 0) {
      config.setIntraOpParallelismThreads(request.threads()).setInterOpParallelismThreads(request.threads());
    }
    return config.build();
  }

  @Override
  public Map<String, String> processEnvironment(String deviceId) {
    return Map.of("CUDA_VISIBLE_DEVICES", String.valueOf(CudaAvailability.index(deviceId).orElse(0)),
        "TF_FORCE_GPU_ALLOW_GROWTH", "true");
  }

  @Override
  public OptionalLong peakMemoryBytes(StepTrace trace, String deviceId) {
    return trace.peakAllocatorBytesInUse("GPU_0_bfc");
  }

  @Override
  public Map<String, String> describe(String deviceId) {
    Map<String, String> facts = new LinkedHashMap<>();
    try {
      GpuEnvironment gpus = environment();
      int index = CudaAvailability.index(deviceId).orElse(0);
      if (index < gpus.gpus().size()) {
        GpuEnvironment.Gpu gpu = gpus.gpus().get(index);
        facts.put("gpu_model", gpu.name());
        facts.put("gpu_memory_bytes", String.valueOf(gpu.memoryBytes()));
      }
      gpus.driverVersion().ifPresent(version -> facts.put("nvidia_driver", version));
      gpus.cudaVersion().ifPresent(version -> facts.put("cuda", version));
      facts.put("tensorflow_natives", gpus.gpuNatives() ? "gpu" : "cpu-only");
    } catch (RuntimeException e) {
      facts.put("probe_error", String.valueOf(e.getMessage()));
    }
    return facts;
  }
}
