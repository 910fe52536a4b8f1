package attnprof.engine.internal.plan;

import attnprof.engine.result.PointSpec;
import attnprof.engine.internal.point.PlannedPoint;
import attnprof.engine.internal.point.Point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.ProfilerException;
import attnprof.engine.request.RecipeOptions;
import attnprof.engine.request.Shard;
import attnprof.engine.request.SweepRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Shards dealt by predicted cost, and the scheduler recipes made from a plan. */
class PlanFileTest {

  /** A plan of {@code cells} cells of two points each, the later cells costlier. */
  private static PlanFile plan(int cells) {
    SweepRequest request = SweepRequest.builder().variants("text/bert", "text/longformer").build();
    List<PlannedPoint> points = new ArrayList<>();
    for (int cell = 0; cell < cells; cell++) {
      for (String variant : List.of("text/bert", "text/longformer")) {
        int index = points.size();
        Point point = new Point(index, new PointSpec(variant, "", "text", "tiny", Map.of("layers", "2"), null,
            16 << cell, "tokens", 1, attnprof.api.Mode.INFERENCE, "cpu", false), Map.of(), null, 0,
            List.of("latency"), 42);
        points.add(PlannedPoint.of(attnprof.engine.internal.point.PointIds.of(point, request.measuring().idText(),
            "test"), point, cell, 3 + cell * cell));
      }
    }
    return new PlanFile(PlanFile.FORMAT, PlanFile.idOf(points, null), "test", "2026-12-02T00:00:00Z", "cpu", "a test",
        request, new Fingerprint(Map.of(), Map.of()), points, null);
  }

  @Test
  void everyPointIsInExactlyOneShardWithItsCellAndTheShardsCostAlike() {
    PlanFile plan = plan(9);
    for (int count = 1; count <= 5; count++) {
      Set<String> seen = new HashSet<>();
      for (int index = 1; index <= count; index++) {
        Set<String> shard = plan.pointsOf(new Shard(index, count));
        assertThat(java.util.Collections.disjoint(shard, seen)).as("shard %d of %d", index, count).isTrue();
        seen.addAll(shard);
      }
      assertThat(seen).hasSize(plan.points().size());
      Map<String, Integer> shardOf = plan.shardOfPoints(count);
      for (int i = 0; i < plan.points().size(); i += 2) {
        // the two points of a cell are measured side by side: always in the same shard
        assertThat(shardOf.get(plan.points().get(i).id())).isEqualTo(shardOf.get(plan.points().get(i + 1).id()));
      }
      double[] seconds = plan.predictedSecondsOfShards(count);
      double most = java.util.Arrays.stream(seconds).max().orElseThrow();
      double least = java.util.Arrays.stream(seconds).min().orElseThrow();
      double costliestCell = 2 * (3 + 8 * 8);
      // greedy dealing leaves the shards at most one cell apart
      assertThat(most - least).as("shards of %d", count).isLessThanOrEqualTo(costliestCell);
    }
  }

  @Test
  void thePlanIdDependsOnItsPointsOnly() {
    assertThat(plan(3).planId()).isEqualTo(plan(3).planId()).isNotEqualTo(plan(4).planId());
  }

  @Test
  void theSlurmScriptIsAJobArrayWithATimeLimitAndItsMergeAsADependentJob(@TempDir Path folder) throws Exception {
    PlanFile plan = plan(6);
    String script = SchedulerRecipes.slurm(plan, new RecipeOptions(3, folder.resolve("plan.json"),
        Path.of("/opt/attnprof/attnprof"), folder.resolve("shared"), 2, "unused", "unused"));

    assertThat(script).startsWith("#!/usr/bin/env bash\n")
        .contains("#SBATCH --array=1-3\n", "#SBATCH --cpus-per-task=2\n", "#SBATCH --requeue\n",
            "--dependency=afterany:", "sweep --plan \"$plan\" --shard auto --out \"$local\"",
            "printf '%q merge %q/shard-* --out %q' \"$attnprof\" \"$results\" \"$results/merged\"");
    long limit = SchedulerRecipes.limitSeconds(plan.predictedSecondsOfShards(3));
    assertThat(script).contains("#SBATCH --time=" + SchedulerRecipes.slurmTime(limit) + "\n");
    assertThat(SchedulerRecipes.slurmTime(90061)).isEqualTo("1-01:01:01");
    Path file = Files.writeString(folder.resolve("sweep.sbatch"), script);
    Process syntax = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
    assertThat(syntax.waitFor()).as(new String(syntax.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void noHostileSharedFolderRunsAnythingInTheSlurmScriptItsMergeOrThePodScript(@TempDir Path folder) throws Exception {
    // issue 27, item 4: an apostrophe, command substitutions of both kinds and spaces in the shared folder's name
    Path shared = Files.createDirectories(folder.resolve("it's $(touch PWNED) `touch PWNED2` a b"));
    Path bin = Files.createDirectories(folder.resolve("bin"));
    Path calls = folder.resolve("calls");
    // sbatch answers a job id and runs a --wrap command as Slurm would, with sh; the launcher records its arguments
    script(bin.resolve("sbatch"), "#!/bin/bash\nfor a in \"$@\"; do case \"$a\" in --wrap=*) sh -c \"${a#--wrap=}\";; "
        + "esac; done\necho 101\n");
    Path launcher = script(bin.resolve("attnprof"), "#!/bin/bash\nprintf '%s\\n' \"$@\" >> " + SchedulerRecipes.quote(
        calls.toString()) + "\n");
    String recipe = SchedulerRecipes.slurm(plan(2), new RecipeOptions(2, shared.resolve("plan.json"), launcher,
        shared, 1, "unused", "unused"));
    Files.writeString(shared.resolve("plan.json"), "{}");
    Path file = Files.writeString(folder.resolve("sweep.sbatch"), recipe);
    ProcessBuilder run = new ProcessBuilder("bash", file.toString()).directory(folder.toFile()).redirectErrorStream(true);
    run.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    run.environment().remove("SLURM_ARRAY_TASK_ID");
    Process submitted = run.start();
    String output = new String(submitted.getInputStream().readAllBytes());
    assertThat(submitted.waitFor()).as(output).isZero();

    assertThat(Files.readAllLines(calls)).containsExactly("merge", shared + "/shard-*", "--out", shared + "/merged");
    String manifest = SchedulerRecipes.kubernetes(plan(2), new RecipeOptions(2, Path.of("plan.json"),
        Path.of("attnprof"), shared, 1, "image", "claim"));
    Map<?, ?> job = (Map<?, ?>) toList(new Yaml().loadAll(manifest)).get(1);
    Map<?, ?> podSpec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) job.get("spec")).get("template")).get("spec");
    Map<?, ?> container = (Map<?, ?>) ((List<?>) podSpec.get("containers")).get(0);
    String pod = (String) ((List<?>) container.get("command")).get(2);
    String firstLines = pod.lines().limit(2).collect(java.util.stream.Collectors.joining("\n"));
    ProcessBuilder podShell = new ProcessBuilder("sh", "-c", firstLines + "\nprintf %s \"$shard\"")
        .directory(folder.toFile()).redirectErrorStream(true);
    podShell.environment().put("JOB_COMPLETION_INDEX", "0");
    Process shell = podShell.start();
    shell.getOutputStream().close();
    assertThat(new String(shell.getInputStream().readAllBytes())).isEqualTo(shared + "/shard-1");
    try (var files = Files.walk(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("PWNED", "PWNED2");
    }
    // a line break cannot be carried at all: refused before any script is written
    assertThatThrownBy(() -> SchedulerRecipes.slurm(plan(2), new RecipeOptions(2, shared.resolve("plan.json"),
        launcher, folder.resolve("a\n#SBATCH --x"), 1, "unused", "unused")))
        .isInstanceOf(attnprof.api.ProfilerException.class).hasMessageContaining("line break");
  }

  private static List<Object> toList(Iterable<?> documents) {
    List<Object> list = new ArrayList<>();
    documents.forEach(list::add);
    return list;
  }

  private static Path script(Path file, String text) throws Exception {
    Files.writeString(file, text);
    file.toFile().setExecutable(true);
    return file;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theKubernetesManifestIsAnIndexedJobWithThePlanAndAResultsVolume() {
    PlanFile plan = plan(4);
    String manifest = SchedulerRecipes.kubernetes(plan, new RecipeOptions(3, Path.of("plan.json"),
        Path.of("attnprof"), Path.of("/results"), 2, "registry.example/attnprof:1", "attnprof-results"));

    List<Map<String, Object>> documents = new ArrayList<>();
    new Yaml().loadAll(manifest).forEach(document -> documents.add((Map<String, Object>) document));
    assertThat(documents).hasSize(2);
    Map<String, Object> configMap = documents.get(0);
    assertThat(configMap).containsEntry("apiVersion", "v1").containsEntry("kind", "ConfigMap");
    String planJson = (String) ((Map<String, Object>) configMap.get("data")).get("plan.json");
    assertThat(PlanFile.fromJson(planJson, "the ConfigMap")).isEqualTo(plan);

    Map<String, Object> job = documents.get(1);
    assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
    Map<String, Object> spec = (Map<String, Object>) job.get("spec");
    assertThat(spec).containsEntry("completionMode", "Indexed").containsEntry("completions", 3)
        .containsEntry("parallelism", 3).containsEntry("backoffLimitPerIndex", 2);
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    assertThat(pod).containsEntry("restartPolicy", "Never");
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    assertThat(container).containsEntry("image", "registry.example/attnprof:1");
    assertThat(String.join(" ", (List<String>) container.get("command")))
        .contains("attnprof sweep --plan /plan/plan.json --shard auto --shard-count 3");
    List<Map<String, Object>> volumes = (List<Map<String, Object>>) pod.get("volumes");
    assertThat(volumes).extracting(v -> v.get("name")).containsExactly("plan", "local", "results");
    assertThat((Map<String, Object>) volumes.get(2).get("persistentVolumeClaim"))
        .containsEntry("claimName", "attnprof-results");
    assertThat((List<Map<String, Object>>) container.get("volumeMounts")).extracting(m -> m.get("mountPath"))
        .containsExactly("/plan", "/local", "/results");
  }

  @Test
  void aPlanEditedAfterItWasMadeIsRefused() {
    PlanFile plan = plan(2);
    String json = plan.toJson();
    assertThat(PlanFile.fromJson(json, "plan.json")).isEqualTo(plan);

    // a length changed by hand, its id left as it was; a refinement wave claimed; a label that is not the point's
    String longer = json.replaceFirst("\"length\" : 16\\.0", "\"length\" : 17.0");
    String wave = json.replace("\"refines\" : null", "\"refines\" : \"plan-123456789abc\"");
    String relabelled = json.replaceFirst("\"label\" : \"text/bert ", "\"label\" : \"text/x ");
    for (String edited : List.of(longer, wave, relabelled)) {
      assertThat(edited).isNotEqualTo(json);
      assertThatThrownBy(() -> PlanFile.fromJson(edited, "plan.json")).isInstanceOf(ProfilerException.class)
          .hasMessageStartingWith("plan.json was edited after `attnprof plan` made it: ");
    }
  }
}
