package attnprof.plugin.cuda;

import attnprof.api.device.Availability;
import java.util.Locale;
import java.util.OptionalInt;

/** Decides whether a CUDA device id can run on a machine, and if not, says what to do, in one line. */
final class CudaAvailability {
  /** The command that builds the launcher with TensorFlow's GPU natives. */
  static final String GPU_BUILD = "mvn -q clean package -DskipTests -Pcuda";

  private CudaAvailability() {
  }

  /** The index of {@code cuda} (0) or {@code cuda:N}; empty for anything else. */
  static OptionalInt index(String deviceId) {
    if (deviceId.equals("cuda")) {
      return OptionalInt.of(0);
    }
    if (deviceId.matches("cuda:[0-9]{1,3}")) {
      return OptionalInt.of(Integer.parseInt(deviceId.substring("cuda:".length())));
    }
    return OptionalInt.empty();
  }

  static Availability decide(String deviceId, GpuEnvironment environment) {
    OptionalInt index = index(deviceId);
    if (index.isEmpty()) {
      return Availability.unavailable("`" + deviceId + "` is not a CUDA device id; use cuda:0, cuda:1, ...");
    }
    if (environment.driverVersion().isEmpty()) {
      return Availability.unavailable("no NVIDIA driver found (no /proc/driver/nvidia/version, no nvidia-smi); "
          + "install the NVIDIA driver, or measure on --device cpu");
    }
    int count = environment.gpus().size();
    if (index.getAsInt() >= count) {
      return Availability.unavailable("no device cuda:" + index.getAsInt() + ": this machine has " + count
          + " NVIDIA GPU" + (count == 1 ? "" : "s") + (count == 0 ? "" : " (cuda:0" + (count > 1 ? " to cuda:"
          + (count - 1) : "") + ")"));
    }
    if (!environment.gpuNatives()) {
      return Availability.unavailable("TensorFlow's CPU-only natives are in use; build the launcher with the GPU "
          + "natives: " + GPU_BUILD);
    }
    GpuEnvironment.Gpu gpu = environment.gpus().get(index.getAsInt());
    return Availability.available(String.format(Locale.ROOT, "%s, %.1f GiB, driver %s%s", gpu.name(),
        gpu.memoryBytes() / (1024.0 * 1024 * 1024), environment.driverVersion().get(),
        environment.cudaVersion().map(v -> ", CUDA " + v).orElse("")));
  }
}
