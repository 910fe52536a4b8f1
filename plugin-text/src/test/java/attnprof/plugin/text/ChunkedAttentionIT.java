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

  @Test
  void theEfficientVariantsSweptAgainstChunkedBertNameItInEveryAnswerAndTheReportSetsBothBaselinesSideBySide(
      @TempDir Path folder) throws Exception {
    Path results = folder.resolve("results");
    String[] sweep = {"--results", results.toString(), "sweep", "--modality", "text", "--preset", "tiny",
        "--lengths", "64,128", "--metrics", "latency", "--mode", "inference", "--forks", "1", "--refine", "none"};
    Outcome dense = LAUNCHER.attnprof(sweep);
    assertThat(dense.code()).as(dense.err()).isZero();
    assertThat(dense.out()).contains("against text/bert |").doesNotContain("chunked attention");
    String[] chunkedSweep = java.util.Arrays.copyOf(sweep, sweep.length + 2);
    chunkedSweep[sweep.length] = "--param";
    chunkedSweep[sweep.length + 1] = "attention=chunked";
    Outcome chunked = LAUNCHER.attnprof(chunkedSweep);
    assertThat(chunked.code()).as(chunked.err()).isZero();
    String label = "text/bert with chunked attention (256 x 4096)";
    assertThat(chunked.out()).contains("against " + label + " |");

    var runs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(LAUNCHER.attnprof("--results",
        results.toString(), "runs", "--format", "json").out()).get("runs");
    String first = runs.get(0).get("runId").asText();
    String second = runs.get(1).get("runId").asText();
    String denseRun = runs.get(0).get("startedAt").asText().compareTo(runs.get(1).get("startedAt").asText()) < 0
        ? first : second;
    String chunkedRun = denseRun.equals(first) ? second : first;
    Path report = folder.resolve("report");
    Outcome written = LAUNCHER.attnprof("--results", results.toString(), "report", chunkedRun, "--against", denseRun,
        "--out", report.toString());
    assertThat(written.code()).as(written.err()).isZero();
    String html = java.nio.file.Files.readString(report.resolve("index.html"));
    assertThat(html).contains("Against both baselines").contains("against " + label)
        .contains("against text/bert</span>").contains("text/nystromformer");
    Outcome compared = LAUNCHER.attnprof("--results", results.toString(), "compare", denseRun, chunkedRun);
    assertThat(compared.out().replaceAll("\\s+", " ")).contains("the runs' baselines differ: A against text/bert, B against " + label);
  }

  private static double peak(List<ResultRow> rows, double length) {
    return rows.stream().filter(row -> row.metric().startsWith("peak_memory") && row.length() == length)
        .findFirst().orElseThrow(() -> new AssertionError("no peak-memory row at " + length + ": " + rows)).value();
  }
}
