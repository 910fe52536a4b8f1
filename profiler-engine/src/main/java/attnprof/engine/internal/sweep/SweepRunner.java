package attnprof.engine.internal.sweep;

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
import attnprof.engine.internal.tipping.TippingPointFinder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a sweep: plans it, measures each point (in a child JVM by default), and after every point
 * rewrites the result files so that a stopped sweep keeps what it measured.
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

  public SweepResult run(SweepRequest request, String runId, ProgressListener progress) {
    SweepPlan plan = new SweepPlanner(registry, pluginsFolder.path()).plan(request);
    Instant started = clock.instant();
    RunEnvironment environment = environmentProbe.probe(registry.device(request.device()), request.device());
    Path output = request.outputDirectory();
    PointExecutor executor = request.inProcess()
        ? new InProcessExecutor(new PointMeasurer(registry, line -> { }))
        : new ChildProcessExecutor(registry, output == null ? null : output.resolve("logs"));

    List<PointJob> jobs = plan.jobs();
    List<PointResult> points = new ArrayList<>();
    List<ResultRow> rows = new ArrayList<>();
    progress.sweepStarted(runId, jobs.size());
    long sweepStart = System.nanoTime();
    SweepResult result = null;
    for (PointJob job : jobs) {
      progress.pointStarted(job.index(), jobs.size(), job.label());
      PointResult point = executor.execute(job, request.timeout());
      points.add(point);
      rows.addAll(ResultRows.of(runId, point, plan.quantitiesOf(job), job.inputFile(), environment));
      boolean complete = points.size() == jobs.size();
      result = new SweepResult(runId, started, clock.instant(), environment, points, rows,
          tippingPointFinder.find(rows), output, complete);
      write(result, output);
      long elapsed = System.nanoTime() - sweepStart;
      Duration remaining = Duration.ofNanos(elapsed / points.size() * (jobs.size() - points.size()));
      progress.pointFinished(job.index(), jobs.size(), job.label(), point, remaining);
    }
    if (result == null) {
      result = new SweepResult(runId, started, clock.instant(), environment, points, rows, List.of(), output, true);
      write(result, output);
    }
    progress.sweepFinished(result);
    return result;
  }

  private void write(SweepResult result, Path output) {
    if (output == null) {
      return;
    }
    for (ResultWriter writer : writers) {
      try {
        writer.write(result, output);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write results to " + output + ": " + e.getMessage(), e);
      }
    }
  }
}
