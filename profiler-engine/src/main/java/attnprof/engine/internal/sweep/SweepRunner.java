package attnprof.engine.internal.sweep;

import attnprof.api.ProfilerException;
import attnprof.engine.PluginRegistry;
import attnprof.engine.PointResult;
import attnprof.engine.ProgressListener;
import attnprof.engine.ResultRow;
import attnprof.engine.ResultWriter;
import attnprof.engine.RunEnvironment;
import attnprof.engine.SweepRequest;
import attnprof.engine.SweepResult;
import attnprof.engine.internal.environment.EnvironmentProbe;
import attnprof.engine.internal.measure.PointMeasurer;
import attnprof.engine.internal.output.ResultRows;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredRequest;
import attnprof.engine.internal.store.StoredRun;
import attnprof.engine.internal.tipping.TippingPointFinder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a sweep: plans it, measures each point (in a child JVM by default), and after every point
 * stores it in the results database and rewrites the result files, so that a stopped sweep keeps what
 * it measured and can be resumed with exactly the points it is missing.
 */
public final class SweepRunner {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss");

  private final PluginRegistry registry;
  private final PluginsFolder pluginsFolder;
  private final Set<ResultWriter> writers;
  private final EnvironmentProbe environmentProbe;
  private final TippingPointFinder tippingPointFinder;
  private final Clock clock;

  @Inject
  public SweepRunner(PluginRegistry registry, PluginsFolder pluginsFolder, Set<ResultWriter> writers,
      EnvironmentProbe environmentProbe, TippingPointFinder tippingPointFinder, Clock clock) {
    this.registry = registry;
    this.pluginsFolder = pluginsFolder;
    this.writers = writers;
    this.environmentProbe = environmentProbe;
    this.tippingPointFinder = tippingPointFinder;
    this.clock = clock;
  }

  /** The run id a sweep started now gets. */
  public String newRunId() {
    return RUN_ID.format(clock.instant().atZone(ZoneId.systemDefault()));
  }

  /**
   * The results database of a sweep that writes to {@code outputDirectory}: {@code attnprof.db} in
   * the folder that holds it (so {@code results/attnprof.db} keeps every run of {@code results/RUN_ID}).
   */
  public static Path databaseOf(Path outputDirectory) {
    Path absolute = outputDirectory.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return (parent == null ? absolute : parent).resolve(ResultStore.FILE_NAME);
  }

  public SweepResult run(SweepRequest request, String runId, ProgressListener progress) {
    SweepPlan plan = new SweepPlanner(registry, pluginsFolder.path()).plan(request);
    Instant started = clock.instant();
    RunEnvironment environment = environmentProbe.probe(registry.device(request.device()), request.device());
    Path output = request.outputDirectory();
    try (ResultStore store = output == null ? null : ResultStore.open(databaseOf(output))) {
      String id = runId;
      if (store != null) {
        id = unusedRunId(store, runId);
        store.startRun(id, started, StoredRequest.of(request), environment, plan.jobs().size());
      }
      return execute(request, plan, id, started, environment, Map.of(), store, progress);
    }
  }

  /** The run id, or with a suffix ({@code -2}, {@code -3}) when a sweep started in the same second has it. */
  private static String unusedRunId(ResultStore store, String runId) {
    java.util.Set<String> used = new java.util.HashSet<>();
    store.runs().forEach(r -> used.add(r.runId()));
    String id = runId;
    for (int n = 2; used.contains(id); n++) {
      id = runId + "-" + n;
    }
    return id;
  }

  /**
   * Resumes a stored run: plans it again from its stored request and measures only the points the
   * database does not hold, adding them to the same run.
   *
   * @throws ProfilerException a user error when there is no such database or run
   */
  public SweepResult resume(Path database, String runId, ProgressListener progress) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      StoredRun run = store.run(runId);
      SweepRequest request = run.request().toRequest();
      SweepPlan plan = new SweepPlanner(registry, pluginsFolder.path()).plan(request);
      return execute(request, plan, runId, run.startedAt(), run.environment(), store.points(runId), store, progress);
    }
  }

  private SweepResult execute(SweepRequest request, SweepPlan plan, String runId, Instant started,
      RunEnvironment environment, Map<String, PointResult> stored, ResultStore store, ProgressListener progress) {
    Path output = request.outputDirectory();
    List<PointJob> jobs = plan.jobs();
    List<PointJob> missing = jobs.stream().filter(job -> !stored.containsKey(job.key())).toList();
    Map<String, PointResult> results = new HashMap<>(stored);
    PointExecutor executor = request.inProcess()
        ? new InProcessExecutor(new PointMeasurer(registry, line -> { }))
        : new ChildProcessExecutor(registry, output == null ? null : output.resolve("logs"));

    progress.sweepStarted(runId, missing.size());
    RemainingTime remainingTime = new RemainingTime();
    SweepResult result = assemble(runId, started, environment, plan, results, output);
    for (int i = 0; i < missing.size(); i++) {
      PointJob job = missing.get(i);
      progress.pointStarted(i, missing.size(), job.label());
      PointResult point = executor.execute(job, request.timeout());
      results.put(job.key(), point);
      result = assemble(runId, started, environment, plan, results, output);
      if (store != null) {
        store.savePoint(runId, job.key(), job.index(), point, rowsOf(runId, plan, job, point, environment),
            result.finishedAt());
      }
      write(result, output, true);
      remainingTime.finished(job, point.wallSeconds());
      progress.pointFinished(i, missing.size(), job.label(), point, remainingTime.of(missing.subList(i + 1,
          missing.size())));
    }
    if (store != null) {
      store.finishRun(runId, result.finishedAt(), result.complete());
    }
    write(result, output, false);
    progress.sweepFinished(result);
    return result;
  }

  /** The result so far: the points measured or stored, in the plan's order. */
  private SweepResult assemble(String runId, Instant started, RunEnvironment environment, SweepPlan plan,
      Map<String, PointResult> results, Path output) {
    List<PointResult> points = new ArrayList<>();
    List<ResultRow> rows = new ArrayList<>();
    for (PointJob job : plan.jobs()) {
      PointResult point = results.get(job.key());
      if (point != null) {
        points.add(point);
        rows.addAll(rowsOf(runId, plan, job, point, environment));
      }
    }
    return new SweepResult(runId, started, clock.instant(), environment, points, rows, tippingPointFinder.find(rows),
        output, points.size() == plan.jobs().size());
  }

  private static List<ResultRow> rowsOf(String runId, SweepPlan plan, PointJob job, PointResult point,
      RunEnvironment environment) {
    return ResultRows.of(runId, point, plan.quantitiesOf(job), job.inputFile(), environment);
  }

  private void write(SweepResult result, Path output, boolean afterPoint) {
    if (output == null) {
      return;
    }
    for (ResultWriter writer : writers) {
      if (afterPoint && !writer.afterEveryPoint()) {
        continue;
      }
      try {
        writer.write(result, output);
      } catch (IOException | UncheckedIOException e) {
        throw new UncheckedIOException("cannot write results to " + output + ": " + e.getMessage(),
            e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
      }
    }
  }
}
