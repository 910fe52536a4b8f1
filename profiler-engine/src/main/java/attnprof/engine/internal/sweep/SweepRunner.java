package attnprof.engine.internal.sweep;

import attnprof.engine.internal.environment.EnvironmentProbe;
import attnprof.engine.internal.metrics.BreakdownMetric;
import attnprof.engine.internal.plan.Planner;
import attnprof.engine.internal.plan.SweepPlan;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredRun;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.ProgressListener;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Runs a sweep on this machine: plans it, stores its run, and hands its points to a {@link Session}; or resumes a
 * stored run with the points it misses (a shard's run through {@link ShardRunner}, from its plan as written).
 */
public final class SweepRunner {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss");

  private final Planner planner;
  private final SessionFactory sessions;
  private final ShardRunner shards;
  private final PluginRegistry registry;
  private final EnvironmentProbe environmentProbe;
  private final Clock clock;

  @Inject
  public SweepRunner(Planner planner, SessionFactory sessions, ShardRunner shards, PluginRegistry registry,
      EnvironmentProbe environmentProbe, Clock clock) {
    this.planner = planner;
    this.sessions = sessions;
    this.shards = shards;
    this.registry = registry;
    this.environmentProbe = environmentProbe;
    this.clock = clock;
  }

  /** The run id a sweep started now gets. */
  public String newRunId() {
    return RUN_ID.format(clock.instant().atZone(ZoneId.systemDefault()));
  }

  /** Plans a request and checks its existing database, as {@link #run} does first, writing nothing. */
  public void check(SweepRequest request) {
    planner.plan(request);
    Path database = request.databaseFile();
    if (database != null && Files.isRegularFile(database)) {
      ResultStore.openExisting(database).close();
    }
  }

  public SweepResult run(SweepRequest request, String runId, ProgressListener progress) {
    SweepPlan plan = planner.plan(request);
    Instant started = clock.instant();
    RunEnvironment environment = environmentProbe.probe(registry.device(request.device()), request.device(),
        request.metrics().contains(BreakdownMetric.ID));
    Path database = request.databaseFile();
    try (ResultStore store = database == null ? null : ResultStore.open(database)) {
      String id = store == null ? runId
          : store.startRun(runId, started, request, null, environment, plan.points().size());
      return sessions.open(new SweepSetup(request, plan, id, started, environment, Map.of()), store, progress).run();
    }
  }

  /**
   * Resumes a stored run: plans it again from its stored request (a shard's run takes its points from its plan
   * as written) and measures only the points the database does not hold, adding them to the same run; then goes
   * on refining where it left off.
   *
   * @throws attnprof.api.ProfilerException a user error when there is no such database or run
   */
  public SweepResult resume(Path database, String runId, ProgressListener progress) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      StoredRun run = store.run(runId);
      if (run.shard() != null) {
        return shards.resume(store, run, progress);
      }
      SweepRequest request = run.request();
      SweepSetup setup = new SweepSetup(request, planner.plan(request), runId, run.startedAt(), run.environment(),
          store.points(runId));
      return sessions.open(setup, store, progress).run();
    }
  }
}
