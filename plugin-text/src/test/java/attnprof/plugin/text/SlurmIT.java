package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.PointResult;
import attnprof.engine.Profiler;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.SweepResult;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted sbatch script on a real single-node Slurm cluster: a tiny text sweep in 3 shards as a job
 * array, merged by a dependent job.
 */
class SlurmIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));
  private static SlurmCluster cluster;

  @BeforeAll
  static void startSlurm() throws Exception {
    SlurmCluster.Start start = SlurmCluster.start();
    if (start.cluster().isEmpty()) {
      System.out.println("skipping the Slurm test: " + start.whyNot());
    }
    Assumptions.assumeTrue(start.cluster().isPresent(), start.whyNot());
    cluster = start.cluster().get();
  }

  @AfterAll
  static void stopSlurm() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theEmittedScriptRunsThreeShardsAsAJobArrayAndMergesThemWithADependentJob(@TempDir Path folder)
      throws Exception {
    Path plan = folder.resolve("plan.json");
    // a shared folder with a space and an apostrophe: the script quotes it everywhere it is written (issue 27)
    Path shared = folder.resolve("it's a shared folder");
    Outcome planned = LAUNCHER.attnprof("plan", "--variants", "text/bert,text/longformer", "--preset", "tiny",
        "--lengths", "16,32,64", "--mode", "inference", "--metrics", "latency,flops", "--runs", "2", "--forks", "1",
        "--min-time", "50", "--out", plan.toString(), "--shards", "3", "--emit", "slurm", "--shared",
        shared.toString(), "--cpus-per-shard", "1");
    assertThat(planned.code()).as(planned.err()).isZero();
    Path script = Files.writeString(folder.resolve("sweep.sbatch"), planned.out());

    long started = System.nanoTime();
    ProcessBuilder submit = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    submit.environment().putAll(cluster.environment());
    Process submitting = submit.start();
    String submitted = new String(submitting.getInputStream().readAllBytes());
    assertThat(submitting.waitFor()).as(submitted).isZero();
    assertThat(submitted).containsPattern("submitted the shards as job [0-9]+ and their merge as job [0-9]+");
    cluster.awaitEmptyQueue(Duration.ofMinutes(10));
    System.out.printf("Slurm: 3 shards and their merge took %.1f s%n", (System.nanoTime() - started) / 1e9);

    Path merged = shared.resolve("merged");
    assertThat(merged.resolve("attnprof.db")).as(logs(shared)).isRegularFile();
    Map<String, List<String>> mergedRuns = ResultsFolder.storedPoints(merged);
    assertThat(mergedRuns).hasSize(1);
    List<String> planKeys = new ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.toFile()).get("points")
        .forEach(point -> planKeys.add(point.get("key").asText()));
    assertThat(mergedRuns.values().iterator().next()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(planKeys);

    Profiler profiler = Profiler.builder().build();
    String runId = mergedRuns.keySet().iterator().next();
    SweepResult mergedRun = profiler.storedResult(merged.resolve("attnprof.db"), runId);
    assertThat(mergedRun.complete()).isTrue();
    List<ResultRow> rows = new ArrayList<>();
    List<PointResult> points = new ArrayList<>();
    for (int shard = 1; shard <= 3; shard++) {
      Path folderOfShard = shared.resolve("shard-" + shard);
      String shardRun = ResultsFolder.storedPoints(folderOfShard).keySet().iterator().next();
      assertThat(shardRun).endsWith("-shard-" + shard + "-of-3");
      SweepResult result = profiler.storedResult(folderOfShard.resolve("attnprof.db"), shardRun);
      result.rows().forEach(row -> rows.add(row.withRun(runId)));
      points.addAll(result.points());
    }
    assertThat(profiler.tippingPoints(rows, points).stream().map(Object::toString).sorted().toList())
        .isEqualTo(mergedRun.tippingPoints().stream().map(Object::toString).sorted().toList());
  }

  private static String logs(Path shared) throws Exception {
    StringBuilder text = new StringBuilder();
    if (Files.isDirectory(shared)) {
      try (var files = Files.list(shared)) {
        for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".out")).toList()) {
          text.append("== ").append(log).append('\n').append(Files.readString(log));
        }
      }
    }
    return text.toString();
  }
}
