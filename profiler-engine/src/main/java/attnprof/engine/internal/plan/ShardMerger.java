package attnprof.engine.internal.plan;

import attnprof.api.ProfilerException;
import attnprof.engine.MergeResult;
import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import attnprof.engine.ResultRow;
import attnprof.engine.ResultWriter;
import attnprof.engine.RunEnvironment;
import attnprof.engine.Shard;
import attnprof.engine.SweepResult;
import attnprof.engine.internal.output.AtomicFiles;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredResults;
import attnprof.engine.internal.store.StoredRun;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the shard runs of one plan into one run, as if one machine had measured it: the run is named
 * after the plan, holds each planned point once, and gets the result files, tipping points, charts and
 * report of a sweep. Merging again replaces the merged run, so merging the same shards twice changes
 * nothing.
 */
public final class ShardMerger {
  private final StoredResults storedResults;
  private final Set<ResultWriter> writers;

  @Inject
  public ShardMerger(StoredResults storedResults, Set<ResultWriter> writers) {
    this.storedResults = storedResults;
    this.writers = writers;
  }

  /** A shard's run and where it came from. */
  private record ShardRun(Path source, StoredRun run, PlanFile plan, Map<String, PointResult> points,
      Map<String, List<ResultRow>> rows) {
    Shard shard() {
      return Shard.parse(run.request().shard());
    }

    String device() {
      RunEnvironment environment = run.environment();
      return environment.device() + " (" + environment.deviceFacts().getOrDefault("gpu_model",
          environment.cpuModel()) + ")";
    }
  }

  /**
   * @param sources shard results folders (each with its {@code attnprof.db}) or database files
   * @param out the merged run's folder; its database is {@code out/attnprof.db}
   * @throws ProfilerException a user error for shards of different plans, versions or (unless allowed)
   *     devices, or a source that holds no shard
   */
  public MergeResult merge(List<Path> sources, Path out, boolean allowMixedDevices) {
    List<ShardRun> shards = new ArrayList<>();
    for (Path source : new LinkedHashSet<>(sources.stream().map(p -> p.toAbsolutePath().normalize()).toList())) {
      shards.addAll(read(source));
    }
    if (shards.isEmpty()) {
      throw ProfilerException.user("no shards to merge: name the results folders of `sweep --plan` runs");
    }
    refuseMixtures(shards, allowMixedDevices);
    PlanFile plan = shards.get(0).plan();
    String runId = plan.planId();
    Map<String, Integer> shardOf = plan.shardOfPoints(shards.get(0).shard().count());
    List<String> missing = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Path database = out.resolve(ResultStore.FILE_NAME);
    try (ResultStore store = ResultStore.open(database)) {
      store.savePlan(plan.planId(), plan.toJson());
      store.deleteRun(runId);
      Instant started = shards.stream().map(s -> s.run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
      Instant finished = shards.stream().map(s -> s.run().finishedAt()).max(Comparator.naturalOrder()).orElseThrow();
      store.startRun(runId, started, shards.get(0).run().request().withShard(plan.planId(), null)
          .withOutputDirectory(out), shards.get(0).run().environment(), plan.points().size());
      int count = shards.get(0).shard().count();
      for (PlannedPoint planned : plan.points().stream().sorted(Comparator.comparingInt(PlannedPoint::index)).toList()) {
        String where = "(shard " + shardOf.get(planned.id()) + "/" + count + ")";
        String label = planned.variant() + " " + formatLength(planned.length()) + " " + planned.mode() + " b"
            + planned.batch();
        ShardRun holder = best(shards, planned.key());
        if (holder == null) {
          missing.add(label + " " + where);
          continue;
        }
        PointResult point = holder.points().get(planned.key());
        if (point.status() != PointStatus.OK) {
          failed.add(label + " " + where + ": " + point.status().id());
        }
        List<ResultRow> rows = holder.rows().getOrDefault(planned.key(), List.of()).stream()
            .map(row -> row.withRun(runId)).toList();
        store.savePoint(runId, planned.key(), planned.index(), point, rows, finished);
      }
      store.finishRun(runId, finished, missing.isEmpty());
    }
    SweepResult result = storedResults.read(database, runId);
    write(result, plan, out);
    return new MergeResult(result, plan.points().size(), missing, failed);
  }

  /** The shard runs in a folder's database, each with its plan. */
  private static List<ShardRun> read(Path source) {
    Path database = Files.isDirectory(source) ? source.resolve(ResultStore.FILE_NAME) : source;
    if (!Files.isRegularFile(database)) {
      throw ProfilerException.user("no shard results in " + source + " (no " + ResultStore.FILE_NAME + ")");
    }
    List<ShardRun> runs = new ArrayList<>();
    try (ResultStore store = ResultStore.openExisting(database)) {
      for (StoredRun run : store.runs()) {
        String planId = run.request().plan();
        if (planId == null || run.request().shard() == null) {
          continue;
        }
        PlanFile plan = PlanFile.fromJson(store.plan(planId).orElseThrow(() -> ProfilerException.user(
            database + " holds a shard of " + planId + " but not the plan")), planId);
        runs.add(new ShardRun(source, run, plan, store.points(run.runId()), store.rowsByPoint(run.runId())));
      }
    }
    if (runs.isEmpty()) {
      throw ProfilerException.user(source + " holds no shard of a plan (its runs were not made with "
          + "`sweep --plan`)");
    }
    return runs;
  }

  private static void refuseMixtures(List<ShardRun> shards, boolean allowMixedDevices) {
    ShardRun first = shards.get(0);
    for (ShardRun other : shards) {
      if (!other.plan().planId().equals(first.plan().planId())) {
        throw ProfilerException.user("shards of different plans: " + first.plan().planId() + " (" + first.source()
            + ") and " + other.plan().planId() + " (" + other.source() + ")");
      }
      if (!other.run().environment().attnprof().equals(first.run().environment().attnprof())) {
        throw ProfilerException.user("shards of different attnprof versions: " + first.run().environment().attnprof()
            + " (" + first.source() + ") and " + other.run().environment().attnprof() + " (" + other.source() + ")");
      }
      if (other.shard().count() != first.shard().count()) {
        throw ProfilerException.user("shards of different splits of the plan: " + first.shard() + " ("
            + first.source() + ") and " + other.shard() + " (" + other.source() + ")");
      }
      if (!allowMixedDevices && !other.device().equals(first.device())) {
        throw ProfilerException.user("shards measured on different devices: " + first.device() + " ("
            + first.source() + ") and " + other.device() + " (" + other.source() + "); --allow-mixed-devices "
            + "merges them anyway");
      }
    }
  }

  /** The shard run that holds a point, preferring one that measured it, then the later one. */
  private static ShardRun best(List<ShardRun> shards, String key) {
    ShardRun best = null;
    for (ShardRun shard : shards) {
      PointResult point = shard.points().get(key);
      if (point == null) {
        continue;
      }
      if (best == null || point.status() == PointStatus.OK && best.points().get(key).status() != PointStatus.OK) {
        best = shard;
      }
    }
    return best;
  }

  private void write(SweepResult result, PlanFile plan, Path out) {
    try {
      Files.createDirectories(out);
      AtomicFiles.write(out.resolve("plan.json"), plan.toJson().getBytes(StandardCharsets.UTF_8));
      for (ResultWriter writer : writers) {
        writer.write(result, out);
      }
    } catch (IOException e) {
      throw ProfilerException.user("cannot write the merged results to " + out + ": " + e.getMessage());
    }
  }

  private static String formatLength(double length) {
    return attnprof.engine.internal.sweep.PointJob.formatLength(length);
  }
}
