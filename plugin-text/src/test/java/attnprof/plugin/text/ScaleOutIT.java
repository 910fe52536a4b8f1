package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.Profiler;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep planned, run in shards as a scheduler's tasks would, and merged: through the real launcher. */
class ScaleOutIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));
  private static final String[] PLAN = {"plan", "--variants", "text/bert,text/longformer", "--preset", "tiny",
      "--lengths", "16,32,64", "--mode", "inference", "--metrics", "latency,flops", "--runs", "2", "--forks", "1",
      "--min-time", "50"};

  private static Outcome attnprof(String... args) {
    return LAUNCHER.attnprof(args);
  }

  private static String[] with(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void twoShardsMergedHoldThePointsOfTheUnshardedSweepEachOnceAndMergingAgainChangesNothing(@TempDir Path folder)
      throws Exception {
    Path plan = folder.resolve("plan.json");
    Outcome planned = attnprof(with(PLAN, "--out", plan.toString(), "--shards", "2"));
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.err()).containsPattern("attnprof: plan-[0-9a-f]{12} written to .*; predicted .* per shard: ");

    Outcome whole = attnprof("sweep", "--plan", plan.toString(), "--out", folder.resolve("whole").toString());
    Outcome first = attnprof("sweep", "--plan", plan.toString(), "--shard", "1/2", "--out",
        folder.resolve("s1").toString());
    Outcome second = attnprof("sweep", "--plan", plan.toString(), "--shard", "2/2", "--out",
        folder.resolve("s2").toString());
    for (Outcome outcome : List.of(whole, first, second)) {
      assertThat(outcome.code()).as(outcome.err()).isZero();
    }
    Outcome merged = attnprof("merge", folder.resolve("s1").toString(), folder.resolve("s2").toString(), "--out",
        folder.resolve("merged").toString());
    assertThat(merged.code()).as(merged.err()).isZero();
    assertThat(merged.out()).contains("coverage: 6 of 6 planned points stored").contains("Tipping points");

    List<String> wholePoints = onlyRun(folder.resolve("whole"));
    List<String> shard1 = onlyRun(folder.resolve("s1"));
    List<String> shard2 = onlyRun(folder.resolve("s2"));
    assertThat(shard1).isNotEmpty().doesNotContainAnyElementsOf(shard2);
    List<String> mergedPoints = onlyRun(folder.resolve("merged"));
    assertThat(mergedPoints).hasSize(6).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(wholePoints);

    // the merged tipping points are those of the union of the shards' rows
    Profiler profiler = Profiler.builder().build();
    SweepResult mergedRun = profiler.findResult(folder.resolve("merged/attnprof.db"),
        ResultsFolder.storedPoints(folder.resolve("merged")).keySet().iterator().next());
    List<ResultRow> union = new ArrayList<>();
    List<attnprof.engine.result.PointResult> unionPoints = new ArrayList<>();
    for (Path shard : List.of(folder.resolve("s1"), folder.resolve("s2"))) {
      SweepResult run = profiler.findResult(shard.resolve("attnprof.db"),
          ResultsFolder.storedPoints(shard).keySet().iterator().next());
      run.rows().forEach(row -> union.add(row.withRun(mergedRun.runId())));
      unionPoints.addAll(run.points());
    }
    assertThat(tipping(profiler.tippingPoints(union, unionPoints))).isEqualTo(tipping(mergedRun.tippingPoints()));

    // the merged run is a run like any other
    String mergedDir = folder.resolve("merged").toString();
    Outcome runs = attnprof("--results", mergedDir, "runs");
    assertThat(runs.out()).containsPattern(mergedRun.runId() + " .* 6/6 +complete");
    Outcome report = attnprof("--results", mergedDir, "report", mergedRun.runId());
    assertThat(report.code()).as(report.err()).isZero();
    Outcome tipping = attnprof("tipping", folder.resolve("merged/results.json").toString());
    assertThat(tipping.code()).as(tipping.err()).isZero();
    assertThat(tipping.out()).contains("text/longformer");
    Outcome compare = attnprof("--results", mergedDir, "compare", mergedRun.runId(), mergedRun.runId());
    assertThat(compare.code()).as(compare.err()).isZero();

    // a missing shard is reported by point and shard, and the merge is incomplete
    Outcome half = attnprof("merge", folder.resolve("s1").toString(), "--out", folder.resolve("half").toString());
    assertThat(half.code()).isEqualTo(3);
    assertThat(half.out()).contains("coverage: " + shard1.size() + " of 6 planned points stored")
        .containsPattern("missing: text/[a-z]+ [0-9]+ inference b1 \\(shard 2/2\\)");
    // shards of another plan, or measured on another device model, are refused with the reason
    Outcome plans = attnprof("merge", folder.resolve("s1").toString(), folder.resolve("whole").toString(), "--out",
        folder.resolve("mixed").toString());
    assertThat(plans.code()).isEqualTo(2);
    assertThat(plans.err()).startsWith("attnprof: shards of different splits of the plan: 1/2");
    Path elsewhere = folder.resolve("s2-elsewhere");
    ResultsFolder.copy(folder.resolve("s2"), elsewhere);
    try (var sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + elsewhere.resolve("attnprof.db"));
        var statement = sqlite.createStatement()) {
      statement.executeUpdate("UPDATE runs SET environment = json_set(environment, '$.cpuModel', 'Another CPU')");
    }
    Outcome devices = attnprof("merge", folder.resolve("s1").toString(), elsewhere.toString(), "--out",
        folder.resolve("mixed").toString());
    assertThat(devices.code()).isEqualTo(2);
    assertThat(devices.err()).contains("shards measured on different devices: cpu (").contains("cpu (Another CPU)")
        .contains("--allow-mixed-devices merges them anyway");
    Outcome allowed = attnprof("merge", folder.resolve("s1").toString(), elsewhere.toString(), "--out",
        folder.resolve("mixed").toString(), "--allow-mixed-devices");
    assertThat(allowed.code()).as(allowed.err()).isZero();

    byte[] csv = Files.readAllBytes(folder.resolve("merged/results.csv"));
    Outcome again = attnprof("merge", folder.resolve("s1").toString(), folder.resolve("s2").toString(),
        folder.resolve("s2").toString(), "--out", folder.resolve("merged").toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(onlyRun(folder.resolve("merged"))).isEqualTo(mergedPoints);
    assertThat(Files.readAllBytes(folder.resolve("merged/results.csv"))).isEqualTo(csv);
  }

  @Test
  void shardAutoReadsTheIndexOfASlurmArrayTaskOrAKubernetesIndexedJob(@TempDir Path folder) {
    Path plan = folder.resolve("plan.json");
    assertThat(attnprof(with(PLAN, "--out", plan.toString())).code()).isZero();

    Outcome slurm = LAUNCHER.attnprofWithEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_COUNT", "4"), "sweep", "--plan", plan.toString(), "--shard", "auto", "--out",
        folder.resolve("slurm").toString());
    Outcome kubernetes = LAUNCHER.attnprofWithEnvironment(Map.of("JOB_COMPLETION_INDEX", "0"), "sweep", "--plan",
        plan.toString(), "--shard", "auto", "--shard-count", "3", "--out", folder.resolve("k8s").toString());
    Outcome missing = attnprof("sweep", "--plan", plan.toString(), "--shard", "auto", "--out",
        folder.resolve("none").toString());

    assertThat(slurm.code()).as(slurm.err()).isZero();
    assertThat(slurm.err()).contains("attnprof: shard 4/4 of " + plan);
    assertThat(ResultsFolder.storedPoints(folder.resolve("slurm")).keySet()).singleElement().asString()
        .endsWith("-shard-4-of-4");
    assertThat(kubernetes.code()).as(kubernetes.err()).isZero();
    assertThat(kubernetes.err()).contains("attnprof: shard 1/3 of " + plan);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("attnprof: --shard auto: no scheduler index in the environment "
        + "(SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX); give --shard I/N\n");
  }

  @Test
  void aShardRefusesAPlanMadeWithAnotherInputFileOrPluginVersionBeforeItsFirstPoint(@TempDir Path folder)
      throws Exception {
    Path input = Files.writeString(folder.resolve("story.txt"), "the cat sat on the mat ".repeat(20));
    Path plan = folder.resolve("plan.json");
    assertThat(attnprof("plan", "--variants", "text/bert", "--preset", "tiny", "--lengths", "16", "--mode",
        "inference", "--metrics", "latency", "--inputs", input.toString(), "--out", plan.toString()).code()).isZero();
    Path shard = folder.resolve("shard");
    String[] sweep = {"sweep", "--plan", plan.toString(), "--shard", "1/1", "--out", shard.toString()};

    Files.writeString(input, "a dog ran in the park ".repeat(20));
    Outcome changedInput = attnprof(sweep);
    assertThat(changedInput.code()).isEqualTo(2);
    assertThat(changedInput.err().strip()).doesNotContain("\n").contains("input " + input.toRealPath() + " changed")
        .contains("make the plan again here");

    Files.writeString(input, "the cat sat on the mat ".repeat(20));
    Files.writeString(plan, Files.readString(plan).replaceFirst("\"attnprof.plugin.text\" : \"[^\"]*\"",
        "\"attnprof.plugin.text\" : \"0.0.1\""));
    Outcome otherPlugin = attnprof(sweep);
    assertThat(otherPlugin.code()).isEqualTo(2);
    assertThat(otherPlugin.err().strip()).doesNotContain("\n").contains("attnprof.plugin.text was 0.0.1, here ");
    assertThat(shard.resolve("attnprof.db")).doesNotExist();
  }

  @Test
  void aShardKilledPartWayAndRunAgainMeasuresNothingTwice(@TempDir Path folder) throws Exception {
    Path plan = folder.resolve("plan.json");
    assertThat(attnprof("plan", "--variants", "text/bert,text/longformer", "--preset", "tiny", "--lengths",
        "16,32,64,128", "--mode", "inference", "--metrics", "latency", "--runs", "2", "--forks", "1",
        "--out", plan.toString()).code()).isZero();
    Path shard = folder.resolve("shard");
    String[] sweep = {"sweep", "--plan", plan.toString(), "--shard", "1/1", "--out", shard.toString()};

    Process process = LAUNCHER.startAttnprof(folder.resolve("killed.log"), sweep);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (storedPoints(shard).size() < 2 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor();
    List<String> before = storedPoints(shard);
    assertThat(before).as(Files.readString(folder.resolve("killed.log"))).hasSizeBetween(2, 7);
    Map<String, String> resultsBefore = pointResults(shard);

    Outcome again = attnprof(sweep);

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).containsPattern(": " + (8 - before.size()) + " points? in ");
    List<String> after = storedPoints(shard);
    assertThat(after).hasSize(8).doesNotHaveDuplicates().containsAll(before);
    // the points stored before the kill were not measured again
    Map<String, String> resultsAfter = pointResults(shard);
    before.forEach(key -> assertThat(resultsAfter.get(key)).as(key).isEqualTo(resultsBefore.get(key)));
  }

  @Test
  void aMergedRunIsRefinedInWavesThatItsNextMergeHoldsWithIt(@TempDir Path folder) throws Exception {
    Path plan = folder.resolve("plan.json");
    assertThat(attnprof("plan", "--variants", "text/bert,text/longformer", "--preset", "tiny", "--lengths", "128,2048",
        "--mode", "inference", "--metrics", "latency", "--runs", "3", "--forks", "1", "--min-time", "100",
        "--in-process", "--out", plan.toString()).code()).isZero();
    assertThat(attnprof("sweep", "--plan", plan.toString(), "--out", folder.resolve("s").toString()).code()).isZero();
    Outcome merged = attnprof("merge", folder.resolve("s").toString(), "--out", folder.resolve("m").toString());
    assertThat(merged.code()).as(merged.err()).isZero();
    String runId = ResultsFolder.storedPoints(folder.resolve("m")).keySet().iterator().next();

    Path wave = folder.resolve("wave.json");
    Outcome planned = attnprof("--results", folder.resolve("m").toString(), "plan", "--refine", runId, "--out",
        wave.toString());
    assertThat(planned.code()).as(planned.err() + merged.out()).isZero();
    var wavePlan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wave.toFile());
    assertThat(wavePlan.get("refines").asText()).isEqualTo(runId);
    List<Double> lengths = new ArrayList<>();
    wavePlan.get("points").forEach(point -> lengths.add(point.path("point").path("spec").path("length").asDouble()));
    assertThat(lengths).isNotEmpty().allMatch(length -> length > 128 && length < 2048);

    assertThat(attnprof("sweep", "--plan", wave.toString(), "--out", folder.resolve("w").toString()).code()).isZero();
    Outcome alone = attnprof("merge", folder.resolve("w").toString(), "--out", folder.resolve("alone").toString());
    assertThat(alone.code()).isEqualTo(2);
    assertThat(alone.err()).contains("is a refinement wave of " + runId + ": name the folder of " + runId
        + "'s merged run too");
    Outcome both = attnprof("merge", folder.resolve("m").toString(), folder.resolve("w").toString(), "--out",
        folder.resolve("m1").toString());
    assertThat(both.code()).as(both.err()).isZero();
    List<String> points = onlyRun(folder.resolve("m1"));
    assertThat(points).hasSize(4 + lengths.size()).doesNotHaveDuplicates()
        .containsAll(onlyRun(folder.resolve("m")));
  }

  private static List<String> onlyRun(Path folder) {
    Map<String, List<String>> runs = ResultsFolder.storedPoints(folder);
    assertThat(runs).as("runs in " + folder).hasSize(1);
    return runs.values().iterator().next();
  }

  private static List<String> storedPoints(Path folder) {
    try {
      Map<String, List<String>> runs = ResultsFolder.storedPoints(folder);
      return runs.isEmpty() ? List.of() : runs.values().iterator().next();
    } catch (RuntimeException e) {
      return List.of(); // the database is being made
    }
  }

  /** Each stored point's result as JSON, by key. */
  private static Map<String, String> pointResults(Path folder) {
    Profiler profiler = Profiler.builder().build();
    String run = ResultsFolder.storedPoints(folder).keySet().iterator().next();
    SweepResult result = profiler.storedResult(folder.resolve("attnprof.db"), run);
    Map<String, String> byKey = new java.util.HashMap<>();
    result.points().forEach(point -> byKey.put(point.variant() + "|" + point.length() + "|" + point.mode().id(),
        point.toString()));
    Map<String, String> byStoredKey = new java.util.HashMap<>();
    for (String key : ResultsFolder.storedPoints(folder).get(run)) {
      String[] parts = key.split("\\|");
      byStoredKey.put(key, byKey.get(parts[0] + "|" + Double.parseDouble(parts[2]) + "|" + parts[3]));
    }
    return byStoredKey;
  }

  private static List<String> tipping(List<TippingPoint> points) {
    return points.stream().map(TippingPoint::toString).sorted().toList();
  }
}
