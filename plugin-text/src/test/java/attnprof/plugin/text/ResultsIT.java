package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.testkit.HeadlessBrowser;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sweep leaves behind, through the real launcher: the database, the files, the charts and the
 * report (checked in a real headless browser); and a sweep killed part-way, then resumed.
 */
class ResultsIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));
  /** A real input whose name would run script in the report if the report did not escape it. */
  private static final String HOSTILE_NAME = "a<img src=x onerror=alert(1)>.txt";

  @Test
  void aSweepLeavesTheDatabaseFilesChartsAndAReportThatABrowserShowsWithoutErrors(@TempDir Path folder)
      throws Exception {
    Path input = Files.writeString(folder.resolve(HOSTILE_NAME), "the cat sat on the mat ".repeat(20));
    Path results = folder.resolve("results");
    Outcome outcome = LAUNCHER.attnprof("--results", results.toString(), "sweep", "--variants",
        "text/bert,text/longformer", "--preset", "tiny", "--lengths", "32,64", "--runs", "2", "--inputs",
        input.toString(), "--dataset", folder.toString());
    assertThat(outcome.code()).as(outcome.err()).isZero();

    Path run;
    try (Stream<Path> runs = Files.list(results)) {
      run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(results.resolve("attnprof.db")).isRegularFile();
    assertThat(run.resolve("results.csv")).isRegularFile();
    assertThat(run.resolve("results.json")).isRegularFile();
    assertThat(run.resolve("index.html")).isRegularFile();
    // the sweep's options and a dataset give the advice `advise` gives for a run: printed, and in the run's folder
    assertThat(outcome.out()).contains("The answer for your data").contains("PER SAMPLE")
        .contains("routing text/longformer: ");
    assertThat(Files.readString(run.resolve("advice.csv")))
        .startsWith("variant,baseline,metric,mode,batch,input,subject,figure,value,low,high,unit\n")
        .contains(",text/bert,per_sample,");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("advice.json").toFile())
        .path("advice").get(0).path("routing").has("savingVsBaseline")).isTrue();
    List<String> charts;
    try (Stream<Path> files = Files.list(run.resolve("charts"))) {
      charts = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> pngs = charts.stream().filter(name -> name.endsWith(".png")).toList();
    assertThat(pngs).isNotEmpty().contains("breakdown-inference-" + HOSTILE_NAME.replaceAll("[^A-Za-z0-9._-]", "_")
        + ".png");
    assertThat(charts).hasSize(2 * pngs.size()).allMatch(name -> name.endsWith(".png") || name.endsWith(".svg"));

    HeadlessBrowser.Start start = HeadlessBrowser.start();
    if (start.browser().isEmpty()) {
      System.out.println("skipping the browser check of the report: " + start.unavailableReason());
      Assumptions.abort(start.unavailableReason());
    }
    try (HeadlessBrowser browser = start.browser().get()) {
      List<String> errors = browser.open(run.resolve("index.html"));
      assertThat(errors).as("console errors").isEmpty();
      JsonNode page = browser.evaluate("({"
          + "tippingRows: document.querySelectorAll('#tipping-table tr').length,"
          + "images: document.querySelectorAll('img.chart').length,"
          + "shown: [...document.querySelectorAll('img.chart')].filter(i => i.complete && i.naturalWidth > 0).length,"
          + "injected: document.querySelectorAll('img:not(.chart)').length,"
          + "nameShown: document.body.textContent.includes('" + HOSTILE_NAME + "'),"
          + "firstParagraph: document.querySelector('body > p').id + ': ' + document.querySelector('body > p').textContent,"
          + "facts: [...document.querySelectorAll('#environment-table th')].map(th => th.textContent),"
          + "histograms: [...document.querySelectorAll('img.chart')].filter(i => i.alt.includes(\"dataset's lengths\")"
          + " && i.complete && i.naturalWidth > 0).length})");
      assertThat(page.path("tippingRows").asInt()).as("tipping table rows with the header").isGreaterThan(1);
      assertThat(page.path("images").asInt()).isEqualTo(pngs.size());
      assertThat(page.path("shown").asInt()).as("charts the browser decoded").isEqualTo(pngs.size());
      assertThat(page.path("injected").asInt()).as("elements made from an input's name").isZero();
      assertThat(page.path("nameShown").asBoolean()).as("the input's name shown as text").isTrue();
      // the answer first: a sentence for each efficient variant and quantity, before anything else is said
      // with a dataset, its answer before the tipping points'
      assertThat(page.path("firstParagraph").asText()).startsWith("answer: On your data (1 input file of ")
          .contains("For latency in inference").contains("text/longformer is").contains("text/bert");
      assertThat(page.path("histograms").asInt()).as("charts with the dataset's histogram the browser decoded")
          .isPositive();
      List<String> facts = new ArrayList<>();
      page.path("facts").forEach(fact -> facts.add(fact.asText()));
      assertThat(facts).contains("CPU", "memory").doesNotHaveDuplicates()
          .doesNotContain("cpu_model", "cpu_cores", "memory_bytes");
    }
  }

  @Test
  void aSweepKilledPartWayAndResumedHasExactlyThePointsOfAnUninterruptedOne(@TempDir Path folder) throws Exception {
    String[] sweep = {"sweep", "--variants", "text/bert,text/longformer", "--preset", "tiny", "--lengths",
        "16,24,32", "--mode", "inference", "--runs", "1", "--min-time", "0", "--forks", "1", "--refine", "none",
        "--metrics", "latency"};
    Path whole = folder.resolve("whole");
    Outcome uninterrupted = LAUNCHER.attnprof(concat(new String[] {"--results", whole.toString()}, sweep));
    assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

    Path killed = folder.resolve("killed");
    Path log = folder.resolve("killed.log");
    Process process = LAUNCHER.startAttnprof(log, concat(new String[] {"--results", killed.toString()}, sweep));
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (storedPoints(killed).size() < 2 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(process.isAlive()).as("the sweep is still running when it is killed:\n" + Files.readString(log)).isTrue();
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
    process.waitFor();
    int before = storedPoints(killed).size();
    assertThat(before).isBetween(2, 5);

    String runId = singleRun(killed);
    Outcome resumed = LAUNCHER.attnprof("--results", killed.toString(), "sweep", "--resume", runId);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming " + runId + ": " + before + " of 6 points stored")
        .contains(runId + ": " + (6 - before) + " points");

    List<String> points = storedPoints(killed);
    assertThat(points).hasSize(6).doesNotHaveDuplicates();
    assertThat(new HashSet<>(points)).isEqualTo(new HashSet<>(storedPoints(whole)));
    assertThat(rowKeys(ResultsFolder.csvRows(killed.resolve(runId))))
        .isEqualTo(rowKeys(ResultsFolder.csvRows(onlyRunFolder(whole))));
    Outcome runs = LAUNCHER.attnprof("--results", killed.toString(), "runs");
    assertThat(runs.out()).containsPattern(runId + " .* 6/6 +complete");
  }

  private static String[] concat(String[] first, String[] second) {
    return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
  }

  /** The point keys stored in a results folder's database (every run), or none before it exists. */
  private static List<String> storedPoints(Path results) {
    List<String> keys = new ArrayList<>();
    try {
      ResultsFolder.storedPoints(results).values().forEach(keys::addAll);
    } catch (RuntimeException e) {
      // the database is being created by the sweep
    }
    return keys;
  }

  private static String singleRun(Path results) {
    var runs = ResultsFolder.storedPoints(results);
    assertThat(runs).hasSize(1);
    return runs.keySet().iterator().next();
  }

  private static Path onlyRunFolder(Path results) throws Exception {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  private static Set<String> rowKeys(List<ResultRow> rows) {
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> keys.add(r.variant() + " " + r.length() + " " + r.mode() + " " + r.metric() + " " + r.status()));
    return keys;
  }
}
