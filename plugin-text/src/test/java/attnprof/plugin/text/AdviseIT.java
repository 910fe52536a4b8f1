package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attnprof advise} on a corpus this project did not write: the text files Debian installs under
 * {@code /usr/share/doc}, measured as a sweep measures them.
 */
class AdviseIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(8));
  private static final Path CORPUS = Path.of("/usr/share/doc");
  private static final List<String> VARIANTS = List.of("text/bert", "text/longformer");

  @Test
  void aRunCostedOnDebiansDocumentationGivesCostsWithIntervalsTheShareBeyondTheTippingPointAndTheRouting(@TempDir Path folder)
      throws Exception {
    Assumptions.assumeTrue(textFiles() > 10, "no corpus: fewer than 11 .txt files under " + CORPUS);
    Path run = folder.resolve("run");
    Outcome sweep = LAUNCHER.attnprof("sweep", "--variants", String.join(",", VARIANTS), "--preset", "tiny",
        "--lengths", "64,128,256,512,1024", "--mode", "inference", "--metrics", "latency", "--forks", "2",
        "--refine", "none", "--out", run.toString());
    assertThat(sweep.code()).as(sweep.err()).isZero();

    Outcome table = LAUNCHER.attnprof("advise", run.toString(), "--inputs", CORPUS.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("Dataset: ").contains("The answer:\n- For latency in inference")
        .contains("PER SAMPLE").contains("TOTAL").contains("beyond its tipping point: ").contains("routing text/longformer: ");

    Outcome json = LAUNCHER.attnprof("advise", run.toString(), "--inputs", CORPUS.toString(), "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    // exactly one JSON document: anything after it fails
    JsonNode document = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json.out());
    JsonNode advice = document.path("advice").get(0);
    assertThat(document.path("dataset").path("samples").asDouble()).isGreaterThan(10);
    for (String model : List.of("efficient", "vanilla")) {
      for (String figure : List.of("perSample", "aggregate", "atMedian")) {
        JsonNode estimate = advice.path(model).path(figure);
        assertThat(estimate.path("low").asDouble()).as(model + " " + figure)
            .isLessThanOrEqualTo(estimate.path("value").asDouble())
            .isGreaterThan(0);
        assertThat(estimate.path("high").asDouble()).isGreaterThanOrEqualTo(estimate.path("value").asDouble());
      }
    }
    assertThat(advice.path("routing").has("savingVsBaseline")).isTrue();
    assertThat(advice.has("shareBeyondTipping")).isTrue();

    // the CSV: one figure a row, every model's cost and the routing's saving among them
    Outcome csv = LAUNCHER.attnprof("advise", run.toString(), "--inputs", CORPUS.toString(), "--format", "csv");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out()).startsWith("variant,baseline,metric,mode,batch,input,subject,figure,value,low,high,unit\n")
        .contains(",text/bert,per_sample,").contains(",text/longformer,total,").contains(",routing,saving_vs_baseline,");
  }

  @Test
  void measureMissingMeasuresTheDatasetsLengthsOutsideTheRunsInsteadOfExtrapolating(@TempDir Path folder)
      throws Exception {
    Path run = folder.resolve("run");
    Outcome sweep = LAUNCHER.attnprof("--results", folder.toString(), "sweep", "--variants", String.join(",", VARIANTS),
        "--preset", "tiny", "--lengths", "64,128", "--mode", "inference", "--metrics", "latency", "--forks", "1",
        "--refine", "none", "--out", run.toString());
    assertThat(sweep.code()).as(sweep.err()).isZero();
    Path lengths = Files.writeString(folder.resolve("lengths.csv"), "id,tokens\na,40\nb,100\nc,300\n");

    Outcome extrapolated = LAUNCHER.attnprof("--results", folder.toString(), "advise", run.toString(), "--lengths",
        lengths.toString(), "--column", "tokens", "--format", "json");
    assertThat(extrapolated.code()).as(extrapolated.err()).isZero();
    assertThat(new ObjectMapper().readTree(extrapolated.out()).path("advice").get(0).path("extrapolatedShare")
        .asDouble()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));

    Outcome measured = LAUNCHER.attnprof("--results", folder.toString(), "advise", run.toString(), "--lengths",
        lengths.toString(), "--column", "tokens", "--measure-missing", "--format", "json");
    assertThat(measured.code()).as(measured.err()).isZero();
    assertThat(measured.err()).contains("measuring 40 tokens, 100 tokens, 300 tokens, which run ");
    JsonNode first = new ObjectMapper().readTree(measured.out());
    assertThat(first.path("advice").get(0).path("extrapolatedShare").asDouble()).isZero();
    // nothing was measured twice yet: the drift of times between runs is the prior's
    assertThat(first.path("timeDrift").path("repeatedPoints").asInt()).isZero();
    assertThat(first.path("timeDrift").path("spread").asDouble()).isEqualTo(first.path("timeDrift").path("prior")
        .asDouble()).isPositive();

    // measured again, the three lengths are in two runs of the database (both models, side by side in the same
    // processes: they count once): the drift rests on them too
    Outcome again = LAUNCHER.attnprof("--results", folder.toString(), "advise", run.toString(), "--lengths",
        lengths.toString(), "--column", "tokens", "--measure-missing", "--format", "json");
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode drift = new ObjectMapper().readTree(again.out()).path("timeDrift");
    assertThat(drift.path("repeatedPoints").asInt()).as("%s", drift).isEqualTo(3);
    assertThat(drift.path("spread").asDouble()).as("%s", drift).isNotEqualTo(drift.path("prior").asDouble());
  }

  /**
   * The advice at the dataset's median length against a sweep run later at that length alone: each model's cost the
   * sweep reads lies in the advice's 95% interval (which holds the spread between processes, drawn with the few
   * forks it was estimated from, and the drift of times between runs), and their ratios' intervals overlap.
   */
  @Test
  void theAdvicesCostsAndRatioAtTheMedianLengthAreWhatASweepAtThatLengthMeasures(@TempDir Path folder) throws Exception {
    Assumptions.assumeTrue(textFiles() > 10, "no corpus: fewer than 11 .txt files under " + CORPUS);
    Path run = folder.resolve("run");
    Outcome sweep = LAUNCHER.attnprof("--results", folder.toString(), "sweep", "--variants", String.join(",", VARIANTS),
        "--preset", "tiny", "--lengths", "64,256,1024", "--mode", "inference", "--metrics", "latency", "--forks", "2",
        "--refine", "none", "--out", run.toString());
    assertThat(sweep.code()).as(sweep.err()).isZero();

    Outcome advised = LAUNCHER.attnprof("--results", folder.toString(), "advise", run.toString(), "--inputs",
        CORPUS.toString(), "--measure-missing", "--format", "json");
    assertThat(advised.code()).as(advised.err()).isZero();
    JsonNode document = new ObjectMapper().readTree(advised.out());
    long median = Math.round(document.path("dataset").path("median").asDouble());
    JsonNode advice = document.path("advice").get(0);

    Path direct = folder.resolve("direct");
    Outcome atMedian = LAUNCHER.attnprof("--results", folder.toString(), "sweep", "--variants",
        String.join(",", VARIANTS), "--preset", "tiny", "--lengths", Long.toString(median), "--mode", "inference",
        "--metrics", "latency", "--forks", "2", "--refine", "none", "--out", direct.toString());
    assertThat(atMedian.code()).as(atMedian.err()).isZero();
    JsonNode results = new ObjectMapper().readTree(direct.resolve("results.json").toFile());

    for (JsonNode row : results.path("rows")) {
      String model = row.path("variant").asText();
      JsonNode cost = advice.path(model.equals(VARIANTS.get(0)) ? "vanilla" : "efficient").path("atMedian");
      assertThat(row.path("value").asDouble()).as("%s at the median, %d tokens, in a direct sweep against the "
          + "advice's %s", model, median, cost).isBetween(cost.path("low").asDouble(), cost.path("high").asDouble());
    }
    assertThat(results.path("rows")).hasSize(2);
    JsonNode comparison = results.path("comparisons").get(0);
    JsonNode ratio = advice.path("ratioAtMedian");
    assertThat(comparison.path("length").asDouble()).isEqualTo(median);
    assertThat(comparison.path("ciLow").asDouble()).as("a direct sweep's ratio at the median, %d tokens, %s, against "
        + "the advice's %s", median, comparison, ratio).isLessThanOrEqualTo(ratio.path("high").asDouble());
    assertThat(comparison.path("ciHigh").asDouble()).as("a direct sweep's ratio at the median, %d tokens, %s, against "
        + "the advice's %s", median, comparison, ratio).isGreaterThanOrEqualTo(ratio.path("low").asDouble());
  }

  private static long textFiles() throws Exception {
    if (!Files.isDirectory(CORPUS)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files.filter(file -> file.toString().endsWith(".txt")).count();
    }
  }
}
