package attnprof.engine.internal.sweep;

import attnprof.api.ProfilerException;
import attnprof.engine.internal.environment.EnvironmentProbe;
import attnprof.engine.internal.metrics.BreakdownMetric;
import attnprof.engine.internal.plan.Fingerprint;
import attnprof.engine.internal.plan.PlanFile;
import attnprof.engine.internal.point.PlannedPoint;
import attnprof.engine.internal.plan.SweepPlan;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.RunFolder;
import attnprof.engine.internal.store.StoredRun;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.request.Shard;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.ProgressListener;
import attnprof.engine.result.SweepResult;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one shard of a plan file: the shard's points as the plan holds them, never planned again, after checking
 * that this installation resolves them as the plan did (the attnprof version, then the plugins' versions and the
 * input files' contents). A shard run again (a scheduler's retry) goes on where it stopped.
 */
public final class ShardRunner {
  private final SessionFactory sessions;
  private final PluginRegistry registry;
  private final EnvironmentProbe environmentProbe;
  private final Clock clock;

  @Inject
  public ShardRunner(SessionFactory sessions, PluginRegistry registry, EnvironmentProbe environmentProbe,
      Clock clock) {
    this.sessions = sessions;
    this.registry = registry;
    this.environmentProbe = environmentProbe;
    this.clock = clock;
  }

  /**
   * Runs one shard of a plan into {@code folder}, its run stored in {@code database} as {@code PLAN-shard-I-of-N}.
   *
   * @throws ProfilerException a user error, before any point, when the plan was made by another attnprof version
   *     or with other plugins or input files than this installation has
   */
  public SweepResult run(PlanFile plan, Shard shard, Path folder, Path database, ProgressListener progress) {
    check(plan);
    // a shard never refines: a plan's refinement comes in waves, each a plan of its own
    SweepRequest request = plan.request().withOutputDirectory(folder).toBuilder().database(database)
        .refine(SweepRequest.Refine.NONE).build();
    SweepPlan points = plan.planOf(shard, registry);
    String runId = plan.planId() + "-shard-" + shard.index() + "-of-" + shard.count();
    RunFolder.refuseAnotherRun(folder, runId, "--out");
    try (ResultStore store = ResultStore.open(database)) {
      store.savePlan(plan.planId(), plan.toJson());
      plan.writeTo(folder.resolve(PlanFile.FILE_NAME));
      Optional<StoredRun> before = store.runs().stream().filter(r -> r.runId().equals(runId)).findFirst();
      SweepSetup setup;
      if (before.isPresent()) {
        setup = new SweepSetup(request, points, runId, before.get().startedAt(), before.get().environment(),
            store.points(runId));
      } else {
        Instant started = clock.instant();
        var environment = environmentProbe.probe(registry.device(request.device()), request.device(),
            request.metrics().contains(BreakdownMetric.ID));
        store.startRun(runId, started, request, new StoredRun.PlanOrigin(plan.planId(), shard.toString()),
            environment, points.points().size());
        setup = new SweepSetup(request, points, runId, started, environment, Map.of());
      }
      return sessions.open(setup, store, progress).run();
    }
  }

  /** Resumes a stored shard run from the plan its database keeps, with the points it misses. */
  SweepResult resume(ResultStore store, StoredRun run, ProgressListener progress) {
    String planId = run.plan();
    PlanFile plan = PlanFile.fromJson(store.plan(planId).orElseThrow(() -> ProfilerException.user(
        run.runId() + " is a shard of " + planId + ", which " + store.file() + " does not keep")), planId);
    check(plan);
    SweepRequest request = run.request().toBuilder().refine(SweepRequest.Refine.NONE).build();
    SweepSetup setup = new SweepSetup(request, plan.planOf(Shard.parse(run.shard()), registry),
        run.runId(), run.startedAt(), run.environment(), store.points(run.runId()));
    return sessions.open(setup, store, progress).run();
  }

  private void check(PlanFile plan) {
    String version = EnvironmentProbe.attnprofVersion();
    if (!plan.attnprofVersion().equals(version)) {
      throw ProfilerException.user("the plan " + plan.planId() + " was made by attnprof " + plan.attnprofVersion()
          + "; this is " + version + ": make the plan again with this version");
    }
    String difference = plan.fingerprint().differenceFrom(
        Fingerprint.of(registry, plan.points().stream().map(PlannedPoint::point).toList()));
    if (!difference.isEmpty()) {
      throw ProfilerException.user("the plan " + plan.planId() + " was made with other plugins or inputs than this "
          + "installation has (" + difference + "): make the plan again here, or run it where it was made");
    }
  }
}
