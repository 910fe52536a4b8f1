package attnprof.plugin.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.device.Availability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The probe's decisions on faked machines: each unavailable case says, in one line, what to do. */
class CudaAvailabilityTest {
  private static final GpuEnvironment.Gpu H100 = new GpuEnvironment.Gpu(0, "NVIDIA H100 80GB HBM3", 81559L << 20);

  private record Fake(Optional<String> driverVersion, Optional<String> cudaVersion, List<Gpu> gpus,
      boolean gpuNatives) implements GpuEnvironment {
  }

  private static Availability decide(String id, Fake machine) {
    Availability availability = CudaAvailability.decide(id, machine);
    assertThat(availability.reason()).doesNotContain("\n");
    return availability;
  }

  @Test
  void noDriverSaysSoAndPointsToTheCpu() {
    Availability availability = decide("cuda:0", new Fake(Optional.empty(), Optional.empty(), List.of(), false));
    assertThat(availability.available()).isFalse();
    assertThat(availability.reason()).startsWith("no NVIDIA driver found").endsWith("or measure on --device cpu");
  }

  @Test
  void cpuOnlyNativesSayWhichCommandSwitchesToTheGpuOnes() {
    Availability availability = decide("cuda:0", new Fake(Optional.of("580.95"), Optional.of("13.0"), List.of(H100),
        false));
    assertThat(availability.available()).isFalse();
    assertThat(availability.reason()).isEqualTo("TensorFlow's CPU-only natives are in use; build the launcher with "
        + "the GPU natives: mvn -q clean package -DskipTests -Pcuda");
  }

  @Test
  void anIndexPastTheLastGpuSaysHowManyThereAre() {
    Fake machine = new Fake(Optional.of("580.95"), Optional.empty(), List.of(H100), true);
    assertThat(decide("cuda:1", machine).reason()).isEqualTo("no device cuda:1: this machine has 1 NVIDIA GPU (cuda:0)");
    Fake two = new Fake(Optional.of("580.95"), Optional.empty(), List.of(H100, new GpuEnvironment.Gpu(1, "x", 1)), true);
    assertThat(decide("cuda:5", two).reason()).isEqualTo("no device cuda:5: this machine has 2 NVIDIA GPUs (cuda:0 to cuda:1)");
    assertThat(decide("cuda:x", two).reason()).isEqualTo("`cuda:x` is not a CUDA device id; use cuda:0, cuda:1, ...");
  }

  @Test
  void aGpuWithTheGpuNativesIsAvailableAndDescribed() {
    Availability availability = decide("cuda", new Fake(Optional.of("580.95"), Optional.of("13.0"), List.of(H100),
        true));
    assertThat(availability.available()).isTrue();
    assertThat(availability.reason()).isEqualTo("NVIDIA H100 80GB HBM3, 79.6 GiB, driver 580.95, CUDA 13.0");
  }

  @Test
  void nvidiaSmisCsvIsReadAndLinesItCannotQueryAreSkipped() {
    assertThat(HostGpuEnvironment.parseGpus(List.of("0, NVIDIA H100 80GB HBM3, 81559, 580.95",
        "1, NVIDIA H100 80GB HBM3, [N/A], 580.95"))).containsExactly(H100);
  }

  @Test
  void theProcessSeesOnlyTheMeasuredGpu() {
    CudaDevice device = new CudaDevice(() -> new Fake(Optional.empty(), Optional.empty(), List.of(), false));
    assertThat(device.processEnvironment("cuda:3")).containsEntry("CUDA_VISIBLE_DEVICES", "3");
    assertThat(device.tensorflowDevice("cuda:3")).isEqualTo("/device:GPU:0");
    assertThat(device.handles("cuda:3")).isTrue();
    assertThat(device.handles("cpu")).isFalse();
    assertThat(device.availability("cuda:0").available()).isFalse();
  }

  @Test
  void theClassPathServiceFileListsWhatModuleInfoProvides() {
    org.assertj.core.api.Assertions.assertThat(attnprof.testkit.ServiceFiles.mismatches(CudaDevice.class))
        .isEmpty();
  }
}
