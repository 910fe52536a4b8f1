package attnprof.engine.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The launcher's answers to bad input: one line, exit code 2, no stack trace. */
class MainTest {

  private record Outcome(int code, String out, String err) {
  }

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownVariantNamesTheKnownOnes() {
    Outcome outcome = run("describe", "text/bret");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: no variant `text/bret`; known: none (is a plugin missing?)\n");
  }

  @Test
  void aLengthThatIsNotANumberIsOneLine() {
    Outcome outcome = run("sweep", "--lengths", "abc");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err())
        .isEqualTo("attnprof: `abc` is not a length: lengths are numbers of at least 1, or `unlimited` (a streaming "
            + "left context) (see `attnprof sweep --help`)\n");
  }

  @Test
  void aLengthBelowOneIsRefused() {
    Outcome outcome = run("sweep", "--lengths", "0");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: length must be at least 1, got 0 (see `attnprof sweep --help`)\n");
  }

  @Test
  void anUnknownMetricOrDeviceNamesTheKnownOnes() {
    Outcome metric = run("sweep", "--metrics", "latencyy");
    assertThat(metric.code()).isEqualTo(2);
    assertThat(metric.err()).isEqualTo("attnprof: no metric `latencyy`; known: latency, throughput, peak-memory, resident-memory, "
        + "breakdown, flops, streaming\n");

    Outcome device = run("sweep", "--device", "tpu:0");
    assertThat(device.code()).isEqualTo(2);
    assertThat(device.err()).isEqualTo("attnprof: no device `tpu:0`; known: cpu\n");
  }

  @Test
  void aMissingResultsFileIsOneLine() {
    Outcome outcome = run("tipping", "/nonexistent/results.json");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: no results file at /nonexistent/results.json"
        + " (expected results.json or results.csv)\n");
  }

  @Test
  void everyCommandHasHelpThatPicocliCanFormat() {
    PrintStream standardError = System.err;
    ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"list", "describe", "sweep", "breakdown", "tipping", "advise", "runs",
          "compare", "report", "plan", "merge", "verify", "completion"}) {
        Outcome outcome = run(command, "--help");
        assertThat(outcome.code()).as(command).isZero();
        assertThat(outcome.out()).as(command).startsWith("Usage: attnprof " + command);
        assertThat(outcome.out() + outcome.err()).as(command).doesNotContain("%n");
      }
      assertThat(run("--help").code()).isZero();
    } finally {
      System.setErr(standardError);
    }
    // a stray `%` in a description makes picocli warn on standard error and print the text unformatted
    assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
  }

  @Test
  void listShowsTheBuiltInMetricsAndTheCpu() {
    Outcome outcome = run("list");
    assertThat(outcome.code()).isZero();
    assertThat(outcome.out()).contains("latency", "throughput", "peak-memory", "cpu     yes");
  }

  @Test
  void listGroupsABreakdownsQuantitiesAndListsEachWithMetrics() {
    assertThat(run("list").out()).containsPattern("breakdown +breakdown\\.\\* \\(11 quantities\\)")
        .doesNotContain("breakdown.attention.share");
    assertThat(run("list", "--metrics").out()).containsPattern("breakdown +breakdown\\.attention\\.share +% ")
        .doesNotContain("Devices");
  }

  @Test
  void listPrintsJsonAndOneSectionAsCsv() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run("list", "--format", "json").out());
    assertThat(json.get("metrics").findValuesAsText("metric")).contains("latency", "breakdown.attention.share");
    assertThat(json.get("devices").get(0).get("device").asText()).isEqualTo("cpu");
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("schemaVersion", "variants", "inputs", "metrics", "devices", "plugins", "diagnostics");

    assertThat(run("list", "--devices", "--format", "csv").out()).startsWith("device,available,detail\ncpu,true,");
    Outcome two = run("list", "--metrics", "--devices", "--format", "csv");
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).startsWith("attnprof: CSV holds one table");
    Outcome unknown = run("list", "--format", "xml");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("xml").contains("table, csv, json");
  }

  @Test
  void noCommandIsAUserErrorThatNamesTheCommands() {
    Outcome outcome = run();
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: choose a command: list, describe, sweep, breakdown, tipping, advise, runs, "
        + "compare, report, plan, merge, verify, completion (see `attnprof --help`)\n");
  }

  @Test
  void aMissingPluginsFolderIsOneLine() {
    Outcome outcome = run("list", "--plugins", "/nonexistent/plugins");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: --plugins `/nonexistent/plugins` is not a folder (it does not exist)\n");
  }

  @Test
  void outAndTraceMustBeFolders(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(folder.resolve("a-file"), "x");

    Outcome emptyOut = run("sweep", "--out", "");
    Outcome fileOut = run("sweep", "--out", file.toString());
    Outcome fileTrace = run("sweep", "--trace", file.toString());

    assertThat(emptyOut.code()).isEqualTo(2);
    assertThat(emptyOut.err()).isEqualTo("attnprof: Invalid value for option '--out': an empty path names no file or "
        + "folder (see `attnprof sweep --help`)\n");
    assertThat(fileOut.code()).isEqualTo(2);
    assertThat(fileOut.err()).isEqualTo("attnprof: --out `" + file + "` is a file, not a folder (see `attnprof sweep "
        + "--help`)\n");
    assertThat(fileTrace.code()).isEqualTo(2);
    assertThat(fileTrace.err()).isEqualTo("attnprof: --trace needs a folder, got `" + file + "` (see `attnprof sweep "
        + "--help`)\n");
    assertThat(java.nio.file.Files.list(folder)).containsExactly(file);
  }

  @Test
  void tippingOfAnEmptyFileIsOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
    java.nio.file.Path empty = java.nio.file.Files.createFile(folder.resolve("results.json"));
    Outcome outcome = run("tipping", empty.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: `" + empty + "` is empty: it holds no results\n");
  }

  @Test
  void resumeRefusesOptionsThatWouldChangeTheRun() {
    Outcome outcome = run("sweep", "--resume", "run-1", "--lengths", "64", "--mode", "training");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: --resume measures the stored run with its own settings; leave out "
        + "--lengths, --mode (see `attnprof sweep --help`)\n");
  }
}
