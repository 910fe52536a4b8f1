package attnprof.plugin.text;

import attnprof.testkit.PluginJar;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher, {@code ./attnprof}, on the module path the build assembled: what a user runs.
 * Tests run with {@code --add-modules ALL-MODULE-PATH}, which hides module-resolution mistakes that
 * only the real launch shows.
 */
class LauncherIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));

  private static Outcome attnprof(String... args) {
    return LAUNCHER.attnprof(args);
  }

  @Test
  void sweepsStartedAtOnceOnOneResultsFolderEachGetTheirOwnFolderAndRun(@TempDir Path folder) throws Exception {
    for (int repeat = 0; repeat < 3; repeat++) {
      Path results = folder.resolve("results-" + repeat);
      String[] sweep = {"--results", results.toString(), "sweep", "--variants", "text/bert", "--preset", "tiny",
          "--lengths", "8,16", "--metrics", "flops", "--mode", "inference", "--in-process"};
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        List<java.util.concurrent.Future<Outcome>> launches = List.of(
            pool.submit(() -> {
              start.await();
              return attnprof(sweep);
            }),
            pool.submit(() -> {
              start.await();
              return attnprof(sweep);
            }));
        start.countDown();
        for (java.util.concurrent.Future<Outcome> launch : launches) {
          Outcome outcome = launch.get();
          assertThat(outcome.code()).as(outcome.err()).isZero();
        }
      } finally {
        pool.shutdownNow();
      }

      try (var runFolders = Files.list(results)) {
        assertThat(runFolders.filter(Files::isDirectory).toList()).hasSize(2);
      }
      var runs = attnprof.engine.Profiler.builder().build().storedRuns(results.resolve("attnprof.db"));
      assertThat(runs).hasSize(2).allSatisfy(run -> {
        assertThat(run.complete()).isTrue();
        assertThat(run.stored()).isEqualTo(2);
      });
      assertThat(runs.get(0).runId()).isNotEqualTo(runs.get(1).runId());
    }
  }

  /**
   * Every bad input of the hostile try (items 5 to 7 of issue 14) through the real launcher: exit 2, one line
   * naming what is wrong, and nothing measured or stored.
   */
  @Test
  void everyUserErrorIsOneLineAndExitTwoBeforeAnyPoint(@TempDir Path folder) throws Exception {
    Path results = folder.resolve("results");
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    Path pipe = folder.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    Path foreign = folder.resolve("foreign.db");
    try (var sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
        var statement = sqlite.createStatement()) {
      statement.execute("CREATE TABLE notes (text TEXT)");
    }
    byte[] foreignBytes = Files.readAllBytes(foreign);
    Path empty = Files.createFile(folder.resolve("results.json"));
    String[] sweep = {"--results", results.toString(), "sweep", "--variants", "text/bert", "--preset", "tiny",
        "--lengths", "8", "--metrics", "flops", "--mode", "inference"};
    Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
    cases.put(with(sweep, "--param", "heads=3"),
        "attnprof: text/bert: parameter `width` (32) must be a multiple of `heads` (3)");
    cases.put(with(sweep, "--param", "width=99999999999"),
        "attnprof: parameter `width` must be at most 1000000, got 99999999999");
    cases.put(with(sweep, "--param", "layers=99999999999"),
        "attnprof: parameter `layers` must be at most 1000, got 99999999999");
    cases.put(with(sweep, "--param", "pooler=7"), "attnprof: parameter `pooler` must be at most 1, got 7");
    cases.put(with(sweep, "--lengths", "1e12"), "attnprof: text lengths are from 1 to 1048576 tokens, got 1000000000000");
    cases.put(with(sweep, "--lengths", "128,unlimited"),
        "attnprof: `unlimited` is a left context: only the streaming mode takes it");
    cases.put(with(sweep, "--out", file.toString()),
        "attnprof: --out `" + file + "` is a file, not a folder (see `attnprof sweep --help`)");
    cases.put(with(sweep, "--out", ""), "attnprof: Invalid value for option '--out': an empty path names no file or "
        + "folder (see `attnprof sweep --help`)");
    cases.put(with(sweep, "--trace", file.toString()),
        "attnprof: --trace needs a folder, got `" + file + "` (see `attnprof sweep --help`)");
    cases.put(with(sweep, "--inputs", "/dev/zero"),
        "attnprof: input `/dev/zero` is not a regular file (a folder, a device or a pipe)");
    cases.put(with(sweep, "--inputs", pipe.toString()),
        "attnprof: input `" + pipe + "` is not a regular file (a folder, a device or a pipe)");
    cases.put(with(new String[] {"--db", foreign.toString()}, sweep), "attnprof: " + foreign
        + " is not an attnprof results database (it has tables but no `runs`); name another with --results or --db");
    cases.put(List.of("--plugins", folder.resolve("missing").toString(), "list"),
        "attnprof: --plugins `" + folder.resolve("missing") + "` is not a folder (it does not exist)");
    cases.put(List.of("--results", results.toString(), "sweep", "--resume", "run-1", "--lengths", "64"),
        "attnprof: --resume measures the stored run with its own settings; leave out --lengths (see `attnprof "
            + "sweep --help`)");
    cases.put(List.of("tipping", empty.toString()), "attnprof: `" + empty + "` is empty: it holds no results");
    cases.put(List.of(), "attnprof: choose a command: list, describe, sweep, breakdown, tipping, advise, runs, compare, "
        + "report, plan, merge, verify, completion (see `attnprof --help`)");
    cases.put(List.of("verify", folder.resolve("missing.jar").toString()),
        "attnprof: no plugin jar at " + folder.resolve("missing.jar"));

    for (Map.Entry<List<String>, String> bad : cases.entrySet()) {
      Outcome outcome = attnprof(bad.getKey().toArray(String[]::new));

      assertThat(outcome.code()).as(String.join(" ", bad.getKey())).isEqualTo(2);
      assertThat(outcome.err()).as(String.join(" ", bad.getKey())).isEqualTo(bad.getValue() + "\n");
    }
    // nothing was measured: no run folder, no database, the other program's file as it was
    assertThat(results).doesNotExist();
    assertThat(Files.readAllBytes(foreign)).isEqualTo(foreignBytes);
    try (var entries = Files.list(folder)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a-file", "pipe", "foreign.db", "results.json");
    }
  }

  private static List<String> with(String[] first, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(first));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void pointsWhoseChildCannotStartAreNotStoredTheSweepExitsThreeAndTheResumeMeasuresThem(@TempDir Path folder)
      throws Exception {
    Path run = Files.createDirectories(folder.resolve("run"));
    // a file where the logs folder should be: no child process can be given its log, so none starts
    Files.writeString(run.resolve("logs"), "not a folder");
    Outcome failed = attnprof("sweep", "--variants", "text/bert", "--preset", "tiny", "--lengths", "8,16",
        "--metrics", "flops", "--mode", "inference", "--out", run.toString());

    assertThat(failed.code()).as(failed.err()).isEqualTo(3);
    assertThat(failed.err()).contains("2 of 2 points could not be started (could not start the measuring process")
        .contains("`attnprof --results " + run + " sweep --resume run-");
    // `runs` names the same folder in its resume hint
    Outcome runs = attnprof("--results", run.toString(), "runs", "--format", "json");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs.out()).get("runs").get(0).get("resume")
        .asText()).matches("attnprof --results " + java.util.regex.Pattern.quote(run.toString())
        + " sweep --resume run-[0-9-]+");
    assertThat(attnprof("--results", run.toString(), "runs").out()).contains("partial");
    // with --out, the database is inside the run's folder: nothing is written outside it
    assertThat(folder.resolve("attnprof.db")).doesNotExist();
    String runId = failed.err().replaceAll("(?s).*--resume (run-[0-9-]+)`.*", "$1");
    var stored = attnprof.engine.Profiler.builder().build().storedRuns(run.resolve("attnprof.db"));
    assertThat(stored).singleElement().satisfies(r -> {
      assertThat(r.complete()).isFalse();
      assertThat(r.stored()).isZero();
    });

    Files.delete(run.resolve("logs"));
    Outcome resumed = attnprof("--results", run.toString(), "sweep", "--resume", runId);

    assertThat(resumed.code()).as(resumed.err()).isZero();
    var after = attnprof.engine.Profiler.builder().build().storedRuns(run.resolve("attnprof.db"));
    assertThat(after).singleElement().satisfies(r -> {
      assertThat(r.complete()).isTrue();
      assertThat(r.stored()).isEqualTo(2);
    });
  }

  @Test
  void inATinyTrainingSweepAtTheDefaultWarmUpEveryMedianOrderingAgreesWithItsRatio(@TempDir Path folder) {
    // the default warm-up runs until the step time is steady: with one warm-up step, the baseline's first timed
    // steps were still slow, and a median of 37.9 ms stood beside 2.07 ms and a ratio of 0.92
    Path results = folder.resolve("run");
    Outcome outcome = attnprof("sweep", "--modality", "text", "--preset", "tiny", "--mode", "training",
        "--lengths", "32,64", "--metrics", "latency", "--forks", "1", "--refine", "none", "--out", results.toString());
    assertThat(outcome.code()).as(outcome.err()).isZero();

    var result = attnprof.engine.Profiler.builder().build().findResult(results.resolve("attnprof.db"),
        results.toString());
    List<ResultRow> rows = ResultsFolder.csvRows(results);
    assertThat(result.comparisons()).hasSize(4);
    for (var comparison : result.comparisons()) {
      double variant = median(rows, comparison.variant(), comparison.length());
      double baseline = median(rows, comparison.baseline(), comparison.length());
      // an ordering within the noise threshold (2%) on both sides says nothing either way
      if (Math.abs(Math.log(variant / baseline)) > 0.02 || Math.abs(Math.log(comparison.ratio())) > 0.02) {
        assertThat(variant < baseline).as("%s at %s: medians %s vs %s, ratio %s", comparison.variant(),
            comparison.length(), variant, baseline, comparison.ratio()).isEqualTo(comparison.ratio() < 1);
      }
    }
    assertThat(rows).allMatch(row -> row.notes().contains("warm-up: "));
  }

  private static double median(List<ResultRow> rows, String variant, double length) {
    return rows.stream().filter(row -> row.variant().equals(variant) && row.length() == length
        && row.metric().equals("latency")).findFirst().orElseThrow().value();
  }

  @Test
  void listShowsTheTextVariantsWithTheirBaselines() {
    attnprof.testkit.LauncherChecks.listsEachVariantAgainstTheFirst(LAUNCHER, "text",
        List.of("text/bert", "text/longformer", "text/nystromformer"), "text/token-ids");
  }

  @Test
  void describePrintsThePublishedParameterCountOfBertBase() throws Exception {
    attnprof.testkit.LauncherChecks.describesTheBaseParameterCount(LAUNCHER, "text/bert", "109,482,240");
  }

  @Test
  void aTinySweepWritesCsvAndJsonWithARowForEveryPointAndPrintsTippingPoints(@TempDir Path folder) throws Exception {
    // the run's folder inside the test's own; the database is inside the run's folder
    Path results = folder.resolve("run");
    Outcome outcome = attnprof("sweep", "--variants", "text/bert,text/longformer", "--preset", "tiny",
        "--lengths", "64,128", "--runs", "3", "--out", results.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("Tipping points").contains("against text/bert | inference | batch 1")
        .containsPattern("(?m)^text/longformer +latency ");
    List<ResultRow> rows = ResultsFolder.csvRows(results);
    assertThat(ResultsFolder.pointsWithoutOkRow(rows, "latency", List.of("text/bert", "text/longformer"),
        List.of(64.0, 128.0), List.of("inference", "training"))).isEmpty();
    assertThat(rows).allMatch(row -> row.lengthUnit().equals("tokens") && row.batch() == 1 && row.device().equals("cpu"));
    assertThat(Files.readString(results.resolve("results.json"))).contains("\"tippingPoints\"").contains("\"rows\"");
    // 2 lengths x 2 modes: each a step with both variants side by side, one fork each before refinement
    assertThat(outcome.err()).contains("[4/").contains("8 points");
  }

  @Test
  void atAHundredColumnsNoLineIsWiderAndEveryListingCommandAlsoPrintsJson(@TempDir Path folder) throws Exception {
    Map<String, String> hundred = Map.of("COLUMNS", "100");
    Path run = folder.resolve("run");
    // seven lengths: the comparison tables are wider than 100 columns unless they are split; flops with latency
    // print the achieved-rate tables too; measured in child JVMs as by default (in this one, TensorFlow's own log
    // lines would be part of the output)
    Outcome swept = LAUNCHER.attnprofWithEnvironment(hundred, "sweep", "--variants", "text/bert,text/nystromformer",
        "--preset", "tiny", "--lengths", "8,16,32,64,128,256,512", "--metrics", "latency,peak-memory,flops", "--mode",
        "inference", "--runs", "3", "--min-time", "10", "--refine", "none", "--out", run.toString());
    assertThat(swept.code()).as(swept.err()).isZero();
    String runId = swept.err().replaceAll("(?s).*attnprof: (run-[0-9-]+):.*", "$1");
    String database = run.resolve("attnprof.db").toString();

    Map<String, Outcome> printed = new java.util.LinkedHashMap<>();
    printed.put("sweep", swept);
    printed.put("list", LAUNCHER.attnprofWithEnvironment(hundred, "list"));
    printed.put("runs", LAUNCHER.attnprofWithEnvironment(hundred, "--db", database, "runs"));
    printed.put("tipping", LAUNCHER.attnprofWithEnvironment(hundred, "tipping", run.toString()));
    printed.put("compare", LAUNCHER.attnprofWithEnvironment(hundred, "--db", database, "compare", runId, runId));
    printed.put("describe", LAUNCHER.attnprofWithEnvironment(hundred, "describe", "text/nystromformer"));
    printed.forEach((command, outcome) -> {
      assertThat(outcome.code()).as(command + ": " + outcome.err()).isZero();
      assertThat((outcome.out() + outcome.err()).lines()).as(command)
          .allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(100));
    });
    assertThat(swept.out()).contains("512 tokens").contains("Tipping points").contains("achieved GFLOP/s")
        .containsPattern("(?s)\n\nVARIANT .*\n\nVARIANT "); // a table split into blocks

    // every command's --format json is exactly one JSON document on standard output: anything after it fails
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    var list = json.readTree(attnprof("list", "--format", "json").out());
    assertThat(list.get("variants").findValuesAsText("variant")).contains("text/bert", "text/nystromformer");
    assertThat(list.get("metrics").findValuesAsText("metric")).contains("latency", "breakdown.attention");
    var described = json.readTree(attnprof("describe", "text/bert", "--preset", "base", "--format", "json").out());
    assertThat(described.get("parameters").asLong()).isEqualTo(109_482_240L);
    assertThat(described.get("config").get("layers").asText()).isEqualTo("12");
    var runs = json.readTree(attnprof("--db", database, "runs", "--format", "json").out());
    assertThat(runs.get("runs").get(0).get("runId").asText()).isEqualTo(runId);
    assertThat(runs.get("runs").get(0).get("complete").asBoolean()).isTrue();
    // the tipping points as results.json has them, field for field
    var tipping = json.readTree(attnprof("tipping", run.toString(), "--format", "json").out());
    assertThat(tipping.get("tippingPoints")).isNotEmpty()
        .isEqualTo(json.readTree(run.resolve("results.json").toFile()).get("tippingPoints"));
    var compared = json.readTree(attnprof("--db", database, "compare", runId, runId, "--format", "json").out());
    assertThat(compared.get("quantities")).isNotEmpty().allSatisfy(line -> {
      assertThat(line.get("ratio").asDouble()).isEqualTo(1.0);
      assertThat(line.get("variant").asText()).startsWith("text/");
    });
    var breakdown = json.readTree(attnprof("breakdown", "text/bert", "--preset", "tiny", "--lengths", "16", "--mode",
        "inference", "--in-process", "--format", "json").out());
    assertThat(breakdown.get("breakdowns").get(0).get("millis").get("attention").asDouble()).isPositive();
    assertThat(breakdown.get("rows").findValuesAsText("metric")).contains("breakdown.attention", "flops");
    Path text = Files.writeString(folder.resolve("notes.txt"), "A short note, written to be profiled. ".repeat(20));
    var advised = json.readTree(attnprof("--db", database, "advise", runId, "--inputs", text.toString(), "--format",
        "json").out());
    assertThat(advised.get("advice")).isNotEmpty();
    // CSV: a header of the same names
    assertThat(attnprof("tipping", run.toString(), "--format", "csv").out()).startsWith(
        "variant,baseline,metric,mode,batch,input,verdict,length,lengthUnit,detail,ciLow,ciHigh,method,"
            + "indistinguishable,baselineForm\n");
  }

  @Test
  void aPointWhoseChildTimesOutKeepsItsIdentityAndCountsAgainstItsVariant(@TempDir Path folder) throws Exception {
    // 4096 landmarks make the tiny Nystromformer's graph at 2048 tokens too slow to build within 15 s: a real
    // child JVM is killed past its time limit
    Path results = folder.resolve("run");
    Outcome outcome = attnprof("sweep", "--variants", "text/bert,text/nystromformer", "--preset", "tiny", "--lengths",
        "256,2048", "--param", "landmarks=4096", "--timeout", "15", "--metrics", "latency", "--mode", "inference",
        "--out", results.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    // the answer, then how it was found: a column, or a line under the row when the terminal is too narrow for
    // it (compared with line breaks as spaces)
    assertThat(outcome.out()).containsPattern("(?m)^text/nystromformer +latency +never in range +grid");
    assertThat(outcome.out().replaceAll("\\s+", " ")).containsPattern("never in range grid (how: )?worse at "
        + "256–2048 tokens; the variant's point: timeout at 2048");
    List<ResultRow> rows = ResultsFolder.csvRows(results);
    assertThat(rows).filteredOn(row -> row.variant().equals("text/nystromformer") && row.length() == 2048)
        .singleElement().satisfies(row -> {
          assertThat(row.status()).isEqualTo("timeout");
          assertThat(row.baseline()).isEqualTo("text/bert");
          assertThat(row.modality()).isEqualTo("text");
          assertThat(row.lengthUnit()).isEqualTo("tokens");
          assertThat(row.message()).startsWith("did not finish within 15 s");
        });
    // the failed point is marked on its own variant's chart, not on a chart of its own
    try (var charts = Files.list(results.resolve("charts"))) {
      assertThat(charts.map(p -> p.getFileName().toString())).contains("text-latency-inference.png")
          .allMatch(name -> name.startsWith("text-") || name.startsWith("breakdown-"));
    }
  }

  @Test
  void breakdownPrintsTheShareOfEachComponentAndWritesAChromeTrace(@TempDir Path folder) throws Exception {
    Outcome outcome = attnprof("breakdown", "text/bert", "--preset", "tiny", "--lengths", "16", "--mode", "inference",
        "--trace", folder.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("EMBEDDING", "ATTENTION", "FEED_FORWARD", "NORM", "OTHER", "UNSCOPED")
        .containsPattern("text/bert +16 tokens +inference +[0-9.]+ ms \\([0-9]+%\\)");
    String trace = Files.readString(folder.resolve("text_bert-16-inference-b1.trace.json"));
    assertThat(trace).contains("\"traceEvents\"").contains("\"ph\" : \"X\"").contains("\"cat\" : \"attention\"");
  }

  @Test
  void theTextPluginDroppedIntoAPluginsFolderWorksLikeOneOnTheModulePath(@TempDir Path folder) throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    Files.copy(Path.of("target", "plugin-text.jar"), plugins.resolve("plugin-text.jar"));
    Outcome listed = LAUNCHER.engineWithPluginsFolder(plugins, "list");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).containsPattern("text/longformer +text +text/bert").contains("none: every plugin loaded");

    Outcome swept = LAUNCHER.engineWithPluginsFolder(plugins, "sweep", "--variants", "text/bert", "--preset", "tiny",
        "--lengths", "16", "--mode", "inference", "--runs", "1", "--out", folder.resolve("results").toString());
    assertThat(swept.code()).as(swept.err()).isZero();
    assertThat(Files.readString(folder.resolve("results/results.csv"))).contains(",text/bert,").contains(",ok,");
  }

  @Test
  void aDropInCopyOfABuiltInPluginIsSkippedVisiblyAndTheBuiltInKeepsWorking(@TempDir Path folder) throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    Files.copy(Path.of("target", "plugin-text.jar"), plugins.resolve("plugin-text.jar"));

    Outcome described = attnprof("--plugins", plugins.toString(), "describe", "text/bert", "--preset", "base");

    assertThat(described.code()).as(described.err()).isZero();
    assertThat(described.out()).contains("109,482,240 parameters");
    assertThat(described.err()).contains("attnprof: plugin trouble: warning: ")
        .contains("plugin-text.jar: module attnprof.plugin.text is already on the module path; the copy in the "
            + "plugins folder is skipped");
  }

  @Test
  void aDropInClaimingTheIdOfABuiltInVariantIsRefusedByNameAndTheBuiltInIsSwept(@TempDir Path folder)
      throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    PluginJar.build(plugins.resolve("impostor.jar"), Map.of(
        "module-info.java", """
            module impostor.bert {
              requires attnprof.api;
              provides attnprof.api.model.ModelVariant with impostor.ImpostorBert;
            }
            """,
        "impostor/ImpostorBert.java", """
            package impostor;

            import attnprof.api.Modality;
            import attnprof.api.model.*;
            import java.util.List;
            import java.util.Map;
            import org.tensorflow.op.Ops;

            public final class ImpostorBert implements ModelVariant {
              @Override
              public VariantDescriptor descriptor() {
                return new VariantDescriptor("text/bert", "Impostor", new Modality("text"), "", "none",
                    "claims the id of the built-in BERT", List.of(new Preset(Preset.TINY, "", Map.of()),
                        new Preset(Preset.SMALL, "", Map.of()), new Preset(Preset.BASE, "", Map.of())), List.of());
              }

              @Override
              public BuiltModel build(Ops tf, BuildRequest request) {
                throw new IllegalStateException("the impostor was built");
              }
            }
            """));
    Path results = folder.resolve("run");

    Outcome swept = attnprof("--plugins", plugins.toString(), "sweep", "--variants", "text/bert", "--preset", "tiny",
        "--lengths", "16", "--metrics", "latency", "--mode", "inference", "--runs", "1", "--out", results.toString());

    assertThat(swept.code()).as(swept.err()).isZero();
    assertThat(swept.err()).contains("attnprof: plugin trouble: error: plugins/impostor.jar (module impostor.bert): variant id `text/bert` is already provided by module attnprof.plugin.text; "
        + "the drop-in's is refused");
    assertThat(ResultsFolder.csvRows(results)).isNotEmpty()
        .allSatisfy(row -> assertThat(row.status()).as(row.message()).isEqualTo("ok"));
  }

  @Test
  void anInputFileWhoseNameHasACommaIsOneFile(@TempDir Path folder) throws Exception {
    Path notes = Files.writeString(folder.resolve("notes, draft.txt"), "A short note, written to be profiled.");
    Path results = folder.resolve("run");

    Outcome outcome = attnprof("sweep", "--variants", "text/bert", "--preset", "tiny", "--inputs", notes.toString(),
        "--metrics", "flops", "--mode", "inference", "--in-process", "--out", results.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(ResultsFolder.csvRows(results)).isNotEmpty()
        .allSatisfy(row -> assertThat(row.input()).isEqualTo("notes, draft.txt"));
  }

  @Test
  void theBashCompletionScriptOffersTheTextVariantsAfterVariants(@TempDir Path folder) throws Exception {
    Outcome script = attnprof("completion", "bash");
    assertThat(script.code()).as(script.err()).isZero();
    Path file = Files.writeString(folder.resolve("attnprof.bash"), script.out());
    String complete = "source \"$1\" 2>/dev/null; complete -p attnprof; "
        + "COMP_LINE='attnprof sweep --variants text/'; COMP_WORDS=(attnprof sweep --variants text/); "
        + "COMP_CWORD=3; COMP_POINT=${#COMP_LINE}; _complete_attnprof 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process bash = new ProcessBuilder("bash", "-c", complete, "bash", file.toString()).redirectErrorStream(true)
        .start();
    String offered = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(bash.waitFor()).as(offered).isZero();
    assertThat(offered).contains("complete -o default -F _complete_attnprof attnprof")
        .contains("text/bert\ntext/longformer\ntext/nystromformer\n").doesNotContain("speech/");
    assertThat(attnprof("completion", "zsh").code()).isZero();
    Outcome fish = attnprof("completion", "fish");
    assertThat(fish.code()).isEqualTo(2);
    assertThat(fish.err()).isEqualTo("attnprof: completion scripts are for bash or zsh, got `fish` (see `attnprof "
        + "completion --help`)\n");
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo(@TempDir Path folder) throws Exception {
    Path wav = Files.write(folder.resolve("speech.wav"), "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1));

    Outcome unknown = attnprof("sweep", "--variants", "text/bret");
    assertThat(unknown.code()).isEqualTo(2);
    // other modalities' plugins may be on the module path too, after the text ones
    assertThat(unknown.err()).matches(
        "attnprof: no variant `text/bret`; known: text/bert, text/longformer, text/nystromformer(, [a-z0-9/.-]+)*\n");

    Outcome notText = attnprof("sweep", "--variants", "text/bert", "--inputs", wav.toString());
    assertThat(notText.code()).isEqualTo(2);
    assertThat(notText.err()).isEqualTo("attnprof: " + wav
        + " is not a text file (it looks like WAV audio); text inputs are UTF-8 .txt files\n");

    Outcome badLength = attnprof("sweep", "--lengths", "-3");
    assertThat(badLength.code()).isEqualTo(2);
    assertThat(badLength.err()).hasLineCount(1).doesNotContain("Exception");
  }
}
