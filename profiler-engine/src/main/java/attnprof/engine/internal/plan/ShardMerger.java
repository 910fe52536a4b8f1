package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.PlannedPoint;
import attnprof.engine.internal.point.PointKey;
import attnprof.api.ProfilerException;
import attnprof.engine.result.MergeResult;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.ResultWriter;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.request.Shard;
import attnprof.engine.result.SweepResult;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.RunFolder;
import attnprof.engine.internal.store.StoredResults;
import attnprof.engine.internal.store.StoredRun;
import jakarta.inject.Inject;
import java.io.IOException;
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
  private record ShardRun(Path source, StoredRun run, PlanFile plan, Map<PointKey, PointResult> points,
      Map<PointKey, List<ResultRow>> rows) {
    Shard shard() {
      return Shard.parse(run.shard());
    }

    boolean isShard() {
      return run.shard() != null;
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
    List<ShardRun> found = new ArrayList<>();
    for (Path source : new LinkedHashSet<>(sources.stream().map(p -> p.toAbsolutePath().normalize()).toList())) {
      found.addAll(read(source));
    }
    List<ShardRun> shards = found.stream().filter(ShardRun::isShard).toList();
    if (shards.isEmpty()) {
      throw ProfilerException.user("no shards to merge: name the results folders of `sweep --plan` runs");
    }
    refuseMixtures(shards, allowMixedDevices);
    PlanFile plan = shards.get(0).plan();
    ShardRun parent = parentOf(plan, found.stream().filter(run -> !run.isShard()).toList());
    if (parent != null) {
      refuseMixtures(List.of(shards.get(0), parent), allowMixedDevices);
    }
    String runId = plan.planId();
    int count = shards.get(0).shard().count();
    Map<String, Integer> shardOf = plan.shardOfPoints(count);
    List<String> missing = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    RunFolder.refuseAnotherRun(out, runId, "--out");
    Path database = out.resolve(ResultStore.FILE_NAME);
    try (ResultStore store = ResultStore.open(database)) {
      store.savePlan(plan.planId(), plan.toJson());
      store.deleteRun(runId);
      List<ShardRun> all = new ArrayList<>(shards);
      if (parent != null) {
        all.add(parent);
        store.savePlan(parent.plan().planId(), parent.plan().toJson());
      }
      Instant started = all.stream().map(s -> s.run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
      Instant finished = all.stream().map(s -> s.run().finishedAt()).max(Comparator.naturalOrder()).orElseThrow();
      // a refinement wave's merge is its parent's run with the wave's points added
      ShardRun settings = parent != null ? parent : shards.get(0);
      store.startRun(runId, started, settings.run().request().withOutputDirectory(out),
          new StoredRun.PlanOrigin(plan.planId(), null),
          settings.run().environment(), plan.points().size() + (parent == null ? 0 : parent.run().planned()));
      if (parent != null) {
        int position = 0;
        for (Map.Entry<PointKey, PointResult> point : parent.points().entrySet()) {
          store.savePoint(runId, point.getKey(), position++, point.getValue(), rowsOf(parent, point.getKey(), runId),
              finished);
        }
      }
      for (PlannedPoint planned : plan.points().stream().sorted(Comparator.comparingInt(PlannedPoint::index)).toList()) {
        String where = "(shard " + shardOf.get(planned.id()) + "/" + count + ")";
        String label = planned.label();
        ShardRun holder = best(shards, planned.point().key());
        if (holder == null) {
          missing.add(label + " " + where);
          continue;
        }
        PointResult point = holder.points().get(planned.point().key());
        if (point.status() != PointStatus.OK) {
          failed.add(label + " " + where + ": " + point.status().id());
        }
        store.savePoint(runId, planned.point().key(), planned.index(), point, rowsOf(holder, planned.point().key(), runId), finished);
      }
      store.finishRun(runId, finished, missing.isEmpty() && (parent == null || parent.run().complete()));
    }
    SweepResult result = storedResults.read(database, runId);
    write(result, plan, out);
    return new MergeResult(result, plan.points().size() + (parent == null ? 0 : parent.run().planned()), missing,
        failed);
  }

  private static List<ResultRow> rowsOf(ShardRun run, PointKey key, String runId) {
    return run.rows().getOrDefault(key, List.of()).stream().map(row -> row.withRun(runId)).toList();
  }

  /** The merged run a refinement wave's plan refines, among the merged runs given; null for a whole plan. */
  private static ShardRun parentOf(PlanFile plan, List<ShardRun> merged) {
    ShardRun parent = null;
    for (ShardRun run : merged) {
      if (!run.plan().planId().equals(plan.refines())) {
        throw ProfilerException.user(run.source() + " holds the merged run of " + run.plan().planId() + ", which "
            + plan.planId() + " does not refine" + (plan.refines() == null ? "" : " (it refines " + plan.refines()
            + ")") + "; merge takes the folders of its shards");
      }
      parent = run;
    }
    if (plan.refines() != null && parent == null) {
      throw ProfilerException.user(plan.planId() + " is a refinement wave of " + plan.refines() + ": name the folder "
          + "of " + plan.refines() + "'s merged run too, so that the merge holds every wave");
    }
    return parent;
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
        String planId = run.plan();
        // a shard's run, or a merged run (named after its plan), which a refinement wave's merge builds on
        if (planId == null || run.shard() == null && !run.runId().equals(planId)) {
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
      if (other.isShard() && !other.plan().planId().equals(first.plan().planId())) {
        throw ProfilerException.user("shards of different plans: " + first.plan().planId() + " (" + first.source()
            + ") and " + other.plan().planId() + " (" + other.source() + ")");
      }
      if (!other.run().environment().attnprof().equals(first.run().environment().attnprof())) {
        throw ProfilerException.user("shards of different attnprof versions: " + first.run().environment().attnprof()
            + " (" + first.source() + ") and " + other.run().environment().attnprof() + " (" + other.source() + ")");
      }
      if (other.isShard() && other.shard().count() != first.shard().count()) {
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
  private static ShardRun best(List<ShardRun> shards, PointKey key) {
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
    plan.writeTo(out.resolve(PlanFile.FILE_NAME));
    try {
      for (ResultWriter writer : writers) {
        writer.write(result, out);
      }
    } catch (IOException e) {
      throw ProfilerException.user("cannot write the merged results to " + out + ": " + e.getMessage());
    }
  }
}
