package attnprof.plugin.cuda;

import java.util.List;
import java.util.Optional;

/** What the machine offers for CUDA: the NVIDIA driver, its GPUs, and which TensorFlow natives are loaded. */
interface GpuEnvironment {

  /**
   * One GPU as the driver lists it.
   *
   * @param index its CUDA index
   * @param name its model
   * @param memoryBytes its memory
   */
  record Gpu(int index, String name, long memoryBytes) {
  }

  /** The NVIDIA driver's version, or empty when no driver is found. */
  Optional<String> driverVersion();

  /** The CUDA version the driver supports, when it says. */
  Optional<String> cudaVersion();

  /** The GPUs the driver lists, by index. */
  List<Gpu> gpus();

  /** Whether TensorFlow's GPU natives (not the CPU-only ones) are on the module path. */
  boolean gpuNatives();
}
