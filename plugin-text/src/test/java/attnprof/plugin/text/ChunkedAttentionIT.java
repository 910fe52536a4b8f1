package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunked baseline from the real launcher: its memory, and sweeps of the efficient variants against it. */
class ChunkedAttentionIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));

  @Test
  void chunkedBertsInferencePeakMemoryGrowsLinearlyFrom1024To8192Tokens(@TempDir Path folder) {
    Path run = folder.resolve("run");
    Outcome outcome = LAUNCHER.attnprof("sweep", "--variants", "text/bert", "--preset", "tiny", "--param",
        "attention=chunked", "--lengths", "1024,8192", "--metrics", "peak-memory", "--mode", "inference", "--forks",
        "1", "--refine", "none", "--out", run.toString());
    assertThat(outcome.code()).as(outcome.err()).isZero();

    List<ResultRow> rows = ResultsFolder.csvRows(run);
    double ratio = peak(rows, 8192) / peak(rows, 1024);
    // eight times the tokens: linear growth is 8x, the dense matrix's quadratic growth 64x
    assertThat(ratio).as("peak at 8192 tokens over the peak at 1024").isBetween(4.0, 10.0);
  }

  private static double peak(List<ResultRow> rows, double length) {
    return rows.stream().filter(row -> row.metric().startsWith("peak_memory") && row.length() == length)
        .findFirst().orElseThrow(() -> new AssertionError("no peak-memory row at " + length + ": " + rows)).value();
  }
}
