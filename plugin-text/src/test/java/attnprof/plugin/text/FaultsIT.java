package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.testkit.Immutable;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.PluginJar;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a sweep meets on a real machine, made for real through the launcher: a measuring JVM killed with SIGKILL as
 * it starts, a logs folder made immutable ({@code chattr +i}) while a sweep runs, and a plugin whose code throws,
 * exits the JVM or hangs when {@code describe} builds it.
 */
class FaultsIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));
  private static final String WORKER = "attnprof.engine.internal.fork.WorkerMain";

  @Test
  void aMeasuringProcessKilledAsItStartsHasItsPointsMeasuredByAReplacementInTheSameSweep(@TempDir Path folder)
      throws Exception {
    Path run = folder.resolve("run");
    Process sweep = LAUNCHER.startAttnprof(folder.resolve("sweep.log"), "sweep", "--variants",
        "text/bert,text/longformer", "--preset", "tiny", "--lengths", "16,32", "--metrics", "flops", "--mode",
        "inference", "--forks", "1", "--refine", "none", "--out", run.toString());
    // the first measuring JVM is killed before it says a word, as a busy machine or a cgroup limit would
    ProcessHandle first = firstWorker(sweep).orElseThrow(() -> new AssertionError("no measuring process started"));
    first.destroyForcibly();
    assertThat(sweep.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String log = Files.readString(folder.resolve("sweep.log"));

    assertThat(sweep.exitValue()).as(log).isZero();
    List<ResultRow> rows = ResultsFolder.csvRows(run);
    assertThat(rows).filteredOn(row -> row.metric().equals("flops")).hasSize(4).allSatisfy(row -> assertThat(row.status()).as(row.message()).isEqualTo("ok"));
    assertThat(ResultsFolder.storedPoints(run).values().iterator().next()).hasSize(4);
    try (var logs = Files.list(run.resolve("logs"))) {
      assertThat(logs.map(p -> p.getFileName().toString())).as("the replacement's log").anyMatch(n -> n.endsWith("-r1.log"));
    }
  }

  @Test
  void aStepThatNeedsItsOwnProcessWhichCannotStartLeavesTheRunPartialAndTheResumeTakesIt(@TempDir Path folder)
      throws Exception {
    Assumptions.assumeTrue(Immutable.available(folder), Immutable.why());
    Path run = folder.resolve("run");
    Path logs = run.resolve("logs");
    Process sweep = LAUNCHER.startAttnprof(folder.resolve("sweep.log"), "sweep", "--variants", "text/bert",
        "--preset", "tiny", "--lengths", "16", "--metrics", "flops,resident-memory", "--mode", "inference",
        "--forks", "1", "--refine", "none", "--out", run.toString());
    Outcome resumed;
    try {
      // once the shared process has its log, no other process can get one
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!hasAFile(logs) && sweep.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Immutable.set(logs, true);
      assertThat(sweep.waitFor(4, TimeUnit.MINUTES)).isTrue();
      String log = Files.readString(folder.resolve("sweep.log"));
      assertThat(sweep.exitValue()).as(log).isEqualTo(3);
      Matcher resume = Pattern.compile("`attnprof (.*sweep --resume \\S+)`").matcher(log);
      assertThat(resume.find()).as(log).isTrue();
      assertThat(ResultsFolder.csvRows(run)).noneMatch(row -> row.metric().equals("peak_memory.rss"));
      Immutable.set(logs, false);
      resumed = LAUNCHER.attnprof(resume.group(1).split(" "));
    } finally {
      Immutable.set(logs, false);
    }

    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(ResultsFolder.csvRows(run)).filteredOn(row -> row.metric().equals("peak_memory.rss")).singleElement()
        .satisfies(row -> assertThat(row.value()).isPositive());
  }

  @Test
  void describeOfAMixerWhoseCreateThrowsExitsOrHangsIsOneLineAndExitTwo(@TempDir Path folder) throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    String mixer = """
        package hostile;

        import attnprof.api.mixer.*;
        import attnprof.api.nn.TokenMixer;

        public final class NAME implements MixerProvider {
          @Override
          public MixerDescriptor descriptor() {
            return MixerDescriptor.builder("ID").paper("a test").bodies("text/bert").build();
          }

          @Override
          public TokenMixer create(MixerContext context) {
            BODY
            return (net, x) -> x.values();
          }
        }
        """;
    PluginJar.build(plugins.resolve("hostile.jar"), Map.of(
        "module-info.java", """
            module hostile.mixers {
              requires attnprof.api;
              provides attnprof.api.mixer.MixerProvider with hostile.Throws, hostile.Exits, hostile.Hangs;
            }
            """,
        "hostile/Throws.java", mixer.replace("NAME", "Throws").replace("ID", "throws-mixer")
            .replace("BODY", "if (context != null) throw new IllegalStateException(\"no weights here\");"),
        "hostile/Exits.java", mixer.replace("NAME", "Exits").replace("ID", "exits-mixer")
            .replace("BODY", "System.exit(7);"),
        "hostile/Hangs.java", mixer.replace("NAME", "Hangs").replace("ID", "hangs-mixer")
            .replace("BODY", "try { Thread.sleep(600_000); } catch (InterruptedException e) { }")));

    Outcome throwing = LAUNCHER.attnprof("--plugins", plugins.toString(), "describe", "text/throws-mixer", "--preset",
        "tiny");
    Outcome exiting = LAUNCHER.attnprof("--plugins", plugins.toString(), "describe", "text/exits-mixer", "--preset",
        "tiny");
    Outcome hanging = LAUNCHER.attnprof("--plugins", plugins.toString(), "describe", "text/hangs-mixer", "--preset",
        "tiny", "--timeout", "5");

    assertThat(throwing.code()).as(throwing.err()).isEqualTo(2);
    assertThat(throwing.err()).isEqualTo("attnprof: cannot describe text/throws-mixer: its plugin failed building it: "
        + "java.lang.IllegalStateException: no weights here\n");
    assertThat(exiting.code()).as(exiting.err()).isEqualTo(2);
    assertThat(exiting.err()).isEqualTo("attnprof: the process building text/exits-mixer to describe it ended with "
        + "exit code 7 and no answer\n");
    assertThat(hanging.code()).as(hanging.err()).isEqualTo(2);
    assertThat(hanging.err()).isEqualTo("attnprof: building text/hangs-mixer to describe it took longer than 5 s, "
        + "and was stopped (its plugin may hang); --timeout sets the limit\n");
  }

  @Test
  void aCopiedResultsFolderResumedAndReportedLeavesTheOriginalUntouched(@TempDir Path folder) throws Exception {
    Path original = folder.resolve("original");
    Outcome swept = LAUNCHER.attnprof("--results", original.toString(), "sweep", "--variants", "text/bert",
        "--preset", "tiny", "--lengths", "16", "--metrics", "flops", "--mode", "inference", "--refine", "none");
    assertThat(swept.code()).as(swept.err()).isZero();
    String runId = ResultsFolder.storedPoints(original).keySet().iterator().next();
    Path copy = folder.resolve("copy");
    ResultsFolder.copy(original, copy);
    Map<Path, String> before = hashes(original);

    Outcome resumed = LAUNCHER.attnprof("--results", copy.toString(), "sweep", "--resume", runId);
    Outcome reported = LAUNCHER.attnprof("--results", copy.toString(), "report", runId);

    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(reported.code()).as(reported.err()).isZero();
    assertThat(reported.out()).contains(copy.resolve(runId).resolve("index.html").toString());
    assertThat(hashes(original)).isEqualTo(before);
  }

  @Test
  void aMergeOrAShardIntoAFolderOfAnotherRunIsRefusedBeforeItWritesAnything(@TempDir Path folder) throws Exception {
    Path plan = folder.resolve("plan.json");
    assertThat(LAUNCHER.attnprof("plan", "--variants", "text/bert", "--preset", "tiny", "--lengths", "16,32",
        "--metrics", "flops", "--mode", "inference", "--out", plan.toString()).code()).isZero();
    Path first = folder.resolve("shard-1");
    Outcome shard = LAUNCHER.attnprof("sweep", "--plan", plan.toString(), "--shard", "1/2", "--out",
        first.toString());
    assertThat(shard.code()).as(shard.err()).isZero();
    Path sweep = folder.resolve("sweep");
    assertThat(LAUNCHER.attnprof("sweep", "--variants", "text/bert", "--preset", "tiny", "--lengths", "16",
        "--metrics", "flops", "--mode", "inference", "--refine", "none", "--out", sweep.toString()).code()).isZero();
    Map<Path, String> shardFiles = hashes(first);
    Map<Path, String> sweepFiles = hashes(sweep);

    Outcome intoTheSweep = LAUNCHER.attnprof("merge", first.toString(), "--out", sweep.toString());
    Outcome intoTheShard = LAUNCHER.attnprof("merge", first.toString(), "--out", first.toString());
    Outcome otherShard = LAUNCHER.attnprof("sweep", "--plan", plan.toString(), "--shard", "2/2", "--out",
        first.toString());

    for (Outcome refused : List.of(intoTheSweep, intoTheShard, otherShard)) {
      assertThat(refused.code()).as(refused.err()).isEqualTo(2);
      assertThat(refused.err()).matches("attnprof: --out .* holds the results of another run \\(.*\\); give a new "
          + "folder, or \\S+'s own\n");
    }
    assertThat(hashes(first)).isEqualTo(shardFiles);
    assertThat(hashes(sweep)).isEqualTo(sweepFiles);
    // the shard's own folder still takes the shard again: it has nothing left to measure
    assertThat(LAUNCHER.attnprof("sweep", "--plan", plan.toString(), "--shard", "1/2", "--out", first.toString())
        .code()).isZero();
  }

  @Test
  void aSweepKilledWithSigkillLeavesNoCopyOfTheSqliteLibraryInTheTemporaryFolder(@TempDir Path folder)
      throws Exception {
    Path temporary = Files.createDirectories(folder.resolve("tmp"));
    Path cache = folder.resolve("cache");
    Path run = folder.resolve("run");
    Process sweep = LAUNCHER.startAttnprofWithEnvironment(Map.of("ATTNPROF_JAVA_OPTS", "-Djava.io.tmpdir="
        + temporary, "XDG_CACHE_HOME", cache.toString()), folder.resolve("sweep.log"), "sweep", "--variants",
        "text/bert", "--preset", "tiny", "--lengths", "16,32,64,128", "--metrics", "flops", "--mode", "inference",
        "--refine", "none", "--out", run.toString());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (ResultsFolder.storedPoints(run).isEmpty() && sweep.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(sweep.isAlive()).as(Files.readString(folder.resolve("sweep.log"))).isTrue();
    sweep.destroyForcibly(); // SIGKILL: no shutdown hook deletes anything
    sweep.waitFor();

    try (var left = Files.list(temporary)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("sqlite-"));
    }
    try (var cached = Files.walk(cache)) {
      assertThat(cached.map(p -> p.getFileName().toString())).contains("libsqlitejdbc.so");
    }
  }

  @Test
  void meaninglessOrInconsistentInputIsOneLineAndExitTwoWithNothingWritten(@TempDir Path folder) throws Exception {
    Path plan = folder.resolve("plan.json");
    assertThat(LAUNCHER.attnprof("plan", "--variants", "text/bert", "--preset", "tiny", "--lengths", "16",
        "--metrics", "flops", "--mode", "inference", "--out", plan.toString()).code()).isZero();
    Path edited = Files.writeString(folder.resolve("edited.json"), Files.readString(plan)
        .replaceFirst("\"length\" : 16\\.0", "\"length\" : 17.0"));
    Path headerOnly = Files.writeString(folder.resolve("results.csv"), String.join(",", java.util.Arrays.stream(
        ResultRow.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList()) + "\n");
    Path work = Files.createDirectories(folder.resolve("work"));
    String out = work.resolve("out").toString();
    List<String[]> refused = List.of(
        new String[] {"sweep", "--modality", "", "--preset", "tiny"},
        new String[] {"plan", "--variants", "text/bert", "--shards", "2147483647", "--out", out},
        new String[] {"sweep", "--plan", plan.toString(), "--shard", "1/2147483647", "--out", out},
        new String[] {"sweep", "--variants", "text/bert", "--shard", "1/2", "--out", out},
        new String[] {"sweep", "--variants", "text/bert", "--shard-count", "2", "--out", out},
        new String[] {"plan", "--variants", "text/bert", "--emit", "k8s", "--cpus-per-shard", "0", "--out", out},
        new String[] {"plan", "--variants", "text/bert", "--emit", "k8s", "--image", "", "--out", out},
        new String[] {"plan", "--variants", "text/bert", "--emit", "k8s", "--volume-claim", "Not_A_Name", "--out",
            out},
        new String[] {"sweep", "--variants", "text/bert", "--trace", "/proc/attnprof-trace", "--out", out},
        new String[] {"sweep", "--plan", edited.toString(), "--out", out},
        new String[] {"--results", "", "runs"},
        new String[] {"--plugins", "", "list"},
        new String[] {"merge", out, "--out", ""},
        new String[] {"report", out, "--out", ""},
        new String[] {"tipping", headerOnly.toString()});
    for (String[] args : refused) {
      Outcome outcome = LAUNCHER.attnprof(args);
      assertThat(outcome.code()).as(String.join(" ", args) + ": " + outcome.err()).isEqualTo(2);
      assertThat(outcome.err()).as(String.join(" ", args)).startsWith("attnprof: ").hasLineCount(1)
          .doesNotContain("internal error").doesNotContain("Exception");
    }
    Map<String, String> environments = Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", " 1",
        "SLURM_ARRAY_TASK_COUNT", "2");
    Map<String, String> disagreeing = Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_COUNT", "2", "JOB_COMPLETION_INDEX", "1");
    for (Map<String, String> environment : List.of(environments, disagreeing)) {
      Outcome outcome = LAUNCHER.attnprofWithEnvironment(environment, "sweep", "--plan", plan.toString(), "--shard",
          "auto", "--out", out);
      assertThat(outcome.code()).as(environment + ": " + outcome.err()).isEqualTo(2);
      assertThat(outcome.err()).startsWith("attnprof: --shard auto: ").hasLineCount(1);
    }
    try (var written = Files.list(work)) {
      assertThat(written).as("what the refused commands wrote").isEmpty();
    }
  }

  @Test
  void aDamagedStoredRunIsNamedAndTheOthersStillListed(@TempDir Path folder) throws Exception {
    Path results = folder.resolve("results");
    for (int i = 0; i < 2; i++) {
      assertThat(LAUNCHER.attnprof("--results", results.toString(), "sweep", "--variants", "text/bert", "--preset",
          "tiny", "--lengths", "16", "--metrics", "flops", "--mode", "inference", "--refine", "none").code()).isZero();
    }
    List<String> runs = List.copyOf(ResultsFolder.storedPoints(results).keySet());
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + results.resolve("attnprof.db"));
        var statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE runs SET request = '{\"format\": 2, \"request\": [' WHERE runId = '"
          + runs.get(0) + "'");
      statement.executeUpdate("UPDATE points SET result = 'not json' WHERE runId = '" + runs.get(1) + "'");
    }

    Outcome listed = LAUNCHER.attnprof("--results", results.toString(), "runs");
    Outcome damagedRequest = LAUNCHER.attnprof("--results", results.toString(), "report", runs.get(0));
    Outcome damagedPoint = LAUNCHER.attnprof("--results", results.toString(), "report", runs.get(1));

    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(runs.get(0) + " cannot be read: its stored request or environment is not "
        + "attnprof's JSON").containsPattern(runs.get(1) + " .* complete ");
    for (Outcome damaged : List.of(damagedRequest, damagedPoint)) {
      assertThat(damaged.code()).as(damaged.err()).isEqualTo(2);
      assertThat(damaged.err()).hasLineCount(1).containsPattern("^attnprof: run run-\\S+ in \\S+ cannot be read: ");
    }
  }

  @Test
  void aResultsFolderThatCannotBeWrittenMidRunExitsThreeWithTheResumeAndNoStrayFile(@TempDir Path folder)
      throws Exception {
    Assumptions.assumeTrue(Immutable.available(folder), Immutable.why());
    Path run = folder.resolve("run");
    Process sweep = LAUNCHER.startAttnprof(folder.resolve("sweep.log"), "sweep", "--variants", "text/bert",
        "--preset", "tiny", "--lengths", "16,32,64,128", "--metrics", "flops", "--mode", "inference", "--refine",
        "none", "--out", run.toString());
    String log;
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.isRegularFile(run.resolve("results.csv")) && sweep.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Immutable.set(run, true);
      assertThat(sweep.waitFor(4, TimeUnit.MINUTES)).isTrue();
      log = Files.readString(folder.resolve("sweep.log"));
      assertThat(sweep.exitValue()).as(log).isEqualTo(3);
      try (var files = Files.list(run)) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
      }
    } finally {
      Immutable.set(run, false);
    }
    assertThat(log).containsPattern("attnprof: cannot write results to .*`sweep --resume run-\\S+` goes on");
    String runId = ResultsFolder.storedPoints(run).keySet().iterator().next();
    Outcome resumed = LAUNCHER.attnprof("--db", run.resolve("attnprof.db").toString(), "sweep", "--resume", runId);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(ResultsFolder.csvRows(run)).filteredOn(row -> row.metric().equals("flops")).hasSize(4);
  }

  @Test
  void aHostileSharedFolderInTheLaunchersSlurmRecipeRunsNothing(@TempDir Path folder) throws Exception {
    Path shared = Files.createDirectories(folder.resolve("it's $(touch PWNED) `touch PWNED2` a b"));
    Path plan = folder.resolve("plan.json");
    Outcome planned = LAUNCHER.attnprof("plan", "--variants", "text/bert", "--preset", "tiny", "--lengths", "16",
        "--metrics", "flops", "--mode", "inference", "--out", plan.toString(), "--shards", "2", "--emit", "slurm",
        "--shared", shared.toString());
    assertThat(planned.code()).as(planned.err()).isZero();
    Path script = Files.writeString(folder.resolve("sweep.sbatch"), planned.out());
    // sbatch answers a job id and runs a --wrap command as Slurm would, with sh: the merge runs the real launcher
    Path bin = Files.createDirectories(folder.resolve("bin"));
    Files.writeString(bin.resolve("sbatch"), "#!/bin/bash\nfor a in \"$@\"; do case \"$a\" in --wrap=*) "
        + "sh -c \"${a#--wrap=}\" > \"$(dirname \"$0\")/merge.log\" 2>&1;; esac; done\necho 101\n");
    bin.resolve("sbatch").toFile().setExecutable(true);
    ProcessBuilder submit = new ProcessBuilder("bash", script.toString()).directory(folder.toFile())
        .redirectErrorStream(true);
    submit.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    submit.environment().remove("SLURM_ARRAY_TASK_ID");
    Process submitted = submit.start();
    String output = new String(submitted.getInputStream().readAllBytes());

    assertThat(submitted.waitFor()).as(output).isZero();
    // the merge got the folder whole: it found no shards there, and said so about that very folder
    assertThat(Files.readString(bin.resolve("merge.log"))).contains("no shard results in "
        + shared.resolve("shard-*"));
    try (var files = Files.walk(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("PWNED", "PWNED2");
    }
  }

  /** Every file under a folder by its path in it, with its SHA-256. */
  private static Map<Path, String> hashes(Path folder) throws Exception {
    Map<Path, String> hashes = new java.util.TreeMap<>();
    try (var files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(folder.relativize(file), java.util.HexFormat.of().formatHex(java.security.MessageDigest
            .getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return hashes;
  }

  private static boolean hasAFile(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var files = Files.list(folder)) {
      return files.findAny().isPresent();
    }
  }

  /** The first measuring JVM of a sweep, found within 2 minutes. */
  private static Optional<ProcessHandle> firstWorker(Process sweep) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (sweep.isAlive() && System.nanoTime() < deadline) {
      Optional<ProcessHandle> worker = sweep.descendants()
          .filter(p -> p.info().commandLine().orElse("").contains(WORKER)).findFirst();
      if (worker.isPresent()) {
        return worker;
      }
      Thread.sleep(2);
    }
    return Optional.empty();
  }
}
