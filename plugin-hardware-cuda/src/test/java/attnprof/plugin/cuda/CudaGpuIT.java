package attnprof.plugin.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.device.Availability;
import attnprof.engine.result.ResultRow;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On a GPU, with the GPU build ({@code -Pcuda}): a tiny sweep of each modality on {@code cuda:0}
 * measures every point, with the GPU allocator's peak memory above zero and the matrix products on
 * the GPU. Skipped, saying why, where {@code cuda:0} cannot run.
 */
class CudaGpuIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(10));

  @BeforeAll
  static void onlyWithAGpu() {
    Availability availability = new CudaDevice().availability("cuda:0");
    if (!availability.available()) {
      System.out.println("skipping the GPU tests: cuda:0 cannot run here: " + availability.reason());
    }
    Assumptions.assumeTrue(availability.available(), availability.reason());
  }

  @ParameterizedTest
  @CsvSource({"text, 64", "speech, 1", "vision, 64"})
  void aTinySweepOfEachModalityRunsOnTheGpuWithItsPeakMemory(String modality, String length, @TempDir Path folder) {
    Path run = folder.resolve("run");
    Outcome outcome = LAUNCHER.attnprof("sweep", "--device", "cuda:0", "--modality", modality, "--preset", "tiny",
        "--lengths", length, "--runs", "2", "--out", run.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    List<ResultRow> rows = ResultsFolder.csvRows(run);
    assertThat(rows).isNotEmpty().allMatch(row -> row.device().equals("cuda:0"))
        .allSatisfy(row -> assertThat(row.status()).as(row.variant() + " " + row.message()).isEqualTo("ok"));
    assertThat(rows).filteredOn(row -> row.metric().equals("peak_memory.allocator"))
        .isNotEmpty().allSatisfy(row -> assertThat(row.value()).isPositive());
    // no matrix product fell back to the CPU
    assertThat(rows).allSatisfy(row -> assertThat(row.notes()).doesNotContainPattern("placement: .*MatMul"));
  }

  @Test
  void aProductIsPlacedOnTheGpu(@TempDir Path folder) throws Exception {
    Outcome outcome = LAUNCHER.attnprof("breakdown", "text/bert", "--device", "cuda:0", "--preset", "tiny",
        "--lengths", "16", "--mode", "inference", "--trace", folder.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    String trace = java.nio.file.Files.readString(folder.resolve("text_bert-16-inference-b1.trace.json"));
    assertThat(trace).containsPattern("\"op\" : \"layer_0/attention/MatMul\",\\s*\"device\" : \"[^\"]*GPU:0");
  }
}
