package attnprof.plugin.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This machine's GPUs, read once: the driver from {@code /proc/driver/nvidia/version} and
 * {@code nvidia-smi}, the natives from the TensorFlow native module's resources.
 */
final class HostGpuEnvironment implements GpuEnvironment {
  private static final Path DRIVER = Path.of("/proc/driver/nvidia/version");
  private static final Pattern DRIVER_VERSION = Pattern.compile("Kernel Module\\s+([0-9.]+)");
  private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9.]+)");
  /** The folder of the GPU natives inside TensorFlow's GPU native jar. */
  static final String GPU_NATIVES = "org/tensorflow/internal/c_api/linux-x86_64-gpu/";

  private final Optional<String> driverVersion;
  private final Optional<String> cudaVersion;
  private final List<Gpu> gpus;
  private final boolean gpuNatives;

  private HostGpuEnvironment(Optional<String> driverVersion, Optional<String> cudaVersion, List<Gpu> gpus,
      boolean gpuNatives) {
    this.driverVersion = driverVersion;
    this.cudaVersion = cudaVersion;
    this.gpus = List.copyOf(gpus);
    this.gpuNatives = gpuNatives;
  }

  static HostGpuEnvironment probe() {
    List<String> query = run("nvidia-smi", "--query-gpu=index,name,memory.total,driver_version",
        "--format=csv,noheader,nounits");
    List<Gpu> gpus = parseGpus(query);
    Optional<String> driver = query.isEmpty() ? Optional.empty()
        : Optional.of(query.get(0).substring(query.get(0).lastIndexOf(',') + 1).trim());
    if (driver.isEmpty() && Files.isReadable(DRIVER)) {
      try {
        Matcher matcher = DRIVER_VERSION.matcher(Files.readString(DRIVER));
        driver = matcher.find() ? Optional.of(matcher.group(1)) : Optional.of("unknown");
      } catch (IOException e) {
        driver = Optional.of("unknown");
      }
    }
    Optional<String> cuda = run("nvidia-smi").stream().map(CUDA_VERSION::matcher).filter(Matcher::find)
        .map(m -> m.group(1)).findFirst();
    return new HostGpuEnvironment(driver, cuda, gpus, hasGpuNatives());
  }

  /** Lines of {@code index, name, memory MiB, driver}, as nvidia-smi's CSV query prints them. */
  static List<Gpu> parseGpus(List<String> lines) {
    List<Gpu> gpus = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(",");
      if (fields.length < 4) {
        continue;
      }
      try {
        gpus.add(new Gpu(Integer.parseInt(fields[0].trim()), fields[1].trim(),
            Long.parseLong(fields[2].trim()) * 1024 * 1024));
      } catch (NumberFormatException e) {
        // a line nvidia-smi wrote for a GPU it cannot query; not a usable device
      }
    }
    return gpus;
  }

  /** Whether the TensorFlow native module on the module path is the GPU one. */
  private static boolean hasGpuNatives() {
    for (Module module : ModuleLayer.boot().modules()) {
      if (module.getName().startsWith("tensorflow.nativelib.")) {
        try (InputStream natives = module.getResourceAsStream(GPU_NATIVES + "libtensorflow_framework.so.2")) {
          if (natives != null) {
            return true;
          }
        } catch (IOException e) {
          return false;
        }
      }
    }
    return false;
  }

  private static List<String> run(String... command) {
    Path output = null;
    try {
      output = Files.createTempFile("attnprof-nvidia-smi", ".txt");
      // to a file, not a pipe: a driver that hangs cannot block the read past the time limit
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return List.of();
      }
      if (process.exitValue() != 0) {
        return List.of();
      }
      return Files.readString(output, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  @Override
  public Optional<String> driverVersion() {
    return driverVersion;
  }

  @Override
  public Optional<String> cudaVersion() {
    return cudaVersion;
  }

  @Override
  public List<Gpu> gpus() {
    return gpus;
  }

  @Override
  public boolean gpuNatives() {
    return gpuNatives;
  }
}
