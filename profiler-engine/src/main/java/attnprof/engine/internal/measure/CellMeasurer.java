package attnprof.engine.internal.measure;

import attnprof.api.metric.Measurement;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.internal.output.ChromeTrace;
import attnprof.engine.internal.point.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Measures the cells of one fork in the current process, one cell after the other. The points of a
 * cell are loaded one after the other (each warmed up), then timed in interleaved rounds (round
 * {@code r} runs every point once, starting with a different one each round), so that slow drift and
 * noisy neighbours hit a variant and its baseline alike; then each point's metrics run on its timed
 * steps and a traced step of its own. Never throws for a failed point: every point ends in
 * {@link ForkEvents#finished}.
 */
public final class CellMeasurer {
  private final PluginRegistry registry;
  private final Consumer<String> log;

  /** @param log where to say how long each phase took (a child JVM's log); silent in-process */
  public CellMeasurer(PluginRegistry registry, Consumer<String> log) {
    this.registry = registry;
    this.log = log;
  }

  /** Measures every cell of the fork, telling {@code events} as each phase starts and each point ends. */
  public void measure(ForkJob fork, ForkEvents events) {
    for (List<Point> cell : fork.cells()) {
      measureCell(fork, cell, events);
    }
  }

  /** What is known of a point as it goes. */
  private static final class Progress implements LoadedModel.Partial {
    final Point job;
    long parameters;
    List<String> notes = List.of();
    double seconds;
    LoadedModel model;
    final List<Duration> timed = new ArrayList<>();

    Progress(Point job) {
      this.job = job;
    }

    @Override
    public void known(long parameters, List<String> notes) {
      this.parameters = parameters;
      this.notes = List.copyOf(notes);
    }

    double stepMillis() {
      return model.lastWarmUp.toNanos() / 1e6;
    }
  }

  private void measureCell(ForkJob fork, List<Point> cell, ForkEvents events) {
    MeasurementBudget budget = fork.budget();
    Phases phases = new Phases(log);
    List<Progress> loaded = new ArrayList<>();
    try {
      for (Point job : cell) {
        Progress progress = new Progress(job);
        events.loading(job);
        long start = System.nanoTime();
        try {
          progress.model = LoadedModel.load(registry, job, budget.warmup(), phases, progress);
        } catch (Throwable e) {
          finish(events, job, failure(progress, e, seconds(start)));
          continue;
        }
        progress.seconds += seconds(start);
        loaded.add(progress);
      }
      if (!fork.ownProcess() && loaded.stream().anyMatch(p -> timesSteps(p.job))) {
        timeInRounds(fork, budget, loaded, events, phases);
      }
      for (Progress progress : loaded) {
        if (progress.model == null) {
          continue;
        }
        events.measuring(progress.job);
        long start = System.nanoTime();
        PointResult result;
        try {
          result = measurePoint(fork, budget, progress);
        } catch (Throwable e) {
          result = failure(progress, e, progress.seconds + seconds(start));
        }
        phases.done("measured " + progress.job.label());
        finish(events, progress.job, result);
        progress.model.close();
        progress.model = null;
      }
    } finally {
      for (Progress progress : loaded) {
        if (progress.model != null) {
          progress.model.close();
        }
      }
    }
  }

  private static String limit(long millis) {
    double seconds = millis / 1000.0;
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
  }

  /**
   * Times the loaded points in interleaved rounds: round {@code r} runs each point that still needs
   * runs once, starting with a different one each round. A point has enough with its fewest runs and
   * its least timed work (or its most runs) and then sits out the rounds left, so a point with short
   * steps does not drag a slow one through its many rounds; the rounds they shared are their pairs. A
   * point that would pass its time limit with one more step stops being timed: with its fewest runs
   * it keeps them; with fewer it ends as {@code timeout}.
   */
  private void timeInRounds(ForkJob fork, MeasurementBudget budget, List<Progress> loaded, ForkEvents events,
      Phases phases) {
    List<Progress> timed = new ArrayList<>(loaded.stream().filter(p -> p.model != null && timesSteps(p.job)).toList());
    double predicted = 0;
    for (Progress progress : timed) {
      predicted += Math.max(budget.minRuns() * progress.stepMillis(), budget.minMillis()) / 1000;
    }
    events.timing(timed.stream().map(p -> p.job).toList(), predicted);
    List<Progress> active = new ArrayList<>(timed);
    int rounds = 0;
    while (!active.isEmpty()) {
      for (int k = 0; k < active.size(); k++) {
        Progress progress = active.get((rounds + k) % active.size());
        try {
          Duration step = progress.model.step.run();
          progress.timed.add(step);
          progress.seconds += step.toNanos() / 1e9;
        } catch (Throwable e) {
          progress.model.close();
          progress.model = null;
          finish(events, progress.job, failure(progress, e, progress.seconds));
        }
      }
      rounds++;
      for (Progress progress : List.copyOf(active)) {
        if (progress.model == null || hasEnough(progress, budget)) {
          active.remove(progress);
        } else if (!fitsAnotherStep(fork, progress)) {
          active.remove(progress);
          if (progress.timed.size() < budget.minRuns()) {
            timeOut(fork, budget, progress, events);
          }
        }
      }
    }
    phases.done("timed " + timed.size() + " points in " + rounds + " interleaved rounds");
  }

  private static boolean hasEnough(Progress progress, MeasurementBudget budget) {
    double millis = progress.timed.stream().mapToLong(Duration::toNanos).sum() / 1e6;
    return progress.timed.size() >= budget.maxRuns()
        || (progress.timed.size() >= budget.minRuns() && millis >= budget.minMillis());
  }

  /** Whether one more step (as long as the last) keeps the point within its time limit. */
  private static boolean fitsAnotherStep(ForkJob fork, Progress progress) {
    Duration last = progress.timed.get(progress.timed.size() - 1);
    return (progress.seconds + last.toNanos() / 1e9) * 1000 <= fork.timeoutMillis();
  }

  private static void timeOut(ForkJob fork, MeasurementBudget budget, Progress progress, ForkEvents events) {
    Duration last = progress.timed.get(progress.timed.size() - 1);
    String message = String.format(java.util.Locale.ROOT,
        "did not finish within %s s: loading took part of it and one step takes %.2f s, %d timed runs would not fit",
        limit(fork.timeoutMillis()), last.toNanos() / 1e9, budget.minRuns());
    progress.model.close();
    progress.model = null;
    finish(events, progress.job, progress.job.failed(PointStatus.TIMEOUT, message, progress.seconds));
  }

  private PointResult measurePoint(ForkJob fork, MeasurementBudget budget, Progress progress)
      throws Exception {
    LoadedModel model = progress.model;
    Point job = progress.job;
    List<Duration> timed = progress.timed;
    if (timed.isEmpty() && !fork.ownProcess() && timesSteps(job)) {
      // a metric reads timed steps that were not taken side by side: time this point alone
      int runs = budget.runsFor(progress.stepMillis());
      for (int i = 0; i < runs; i++) {
        timed.add(model.step.run());
      }
    }
    long start = System.nanoTime();
    PointContext context = new PointContext(model, timed, model.warmUpSteps);
    List<Measurement> measurements = new ArrayList<>();
    for (Metric metric : metricsOf(fork, job)) {
      if (metric.appliesTo(model.point)) {
        measurements.addAll(metric.measure(context));
      }
    }
    List<String> notes = new ArrayList<>(model.notes);
    context.tracedStepIfTaken().flatMap(trace -> Placement.offDevice(trace,
        model.device.tensorflowDevice(job.device()),
        name -> Optional.ofNullable(model.graph.operation(name)).map(org.tensorflow.GraphOperation::type)))
        .ifPresent(notes::add);
    if (fork.details() && fork.traceDirectory() != null) {
      writeTrace(Path.of(fork.traceDirectory()), job, context, notes);
    }
    double seconds = progress.seconds + seconds(start);
    return new PointResult(job.spec(), PointStatus.OK, measurements,
        model.parameters, notes, "", seconds, List.of());
  }

  /**
   * The metrics this fork measures of the point: in a process of its own, those that need one; else
   * the others, and of those only the compared ones after the first replicate (a breakdown needs one
   * reading).
   */
  private List<Metric> metricsOf(ForkJob fork, Point job) {
    List<Metric> metrics = new ArrayList<>();
    for (String id : job.metrics()) {
      Metric metric = registry.metric(id);
      MetricDescriptor descriptor = metric.descriptor();
      if (descriptor.ownProcess() != fork.ownProcess()) {
        continue;
      }
      if (!fork.details() && descriptor.quantities().stream().noneMatch(q -> q.direction().ranked())) {
        continue;
      }
      metrics.add(metric);
    }
    return metrics;
  }

  private boolean timesSteps(Point job) {
    return job.metrics().stream().map(registry::metric)
        .anyMatch(m -> !m.descriptor().ownProcess() && m.usesTimedSteps());
  }

  /** Writes the point's traced step; a trace that cannot be written is a note, not a lost point. */
  private static void writeTrace(Path folder, Point job, PointContext context, List<String> notes) {
    Path file = folder.resolve(job.fileName() + ".trace.json");
    try {
      ChromeTrace.write(file, context.typicalStepOneOpAtATime(), context::componentOf, job.label());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      notes.add("Chrome trace not written to " + file + ": " + e.getMessage());
    }
  }

  private static PointResult failure(Progress progress, Throwable e, double seconds) {
    Point job = progress.job;
    return new PointResult(job.spec(), Outcomes.classify(e), List.of(),
        progress.parameters, progress.notes, Outcomes.message(e), seconds, List.of());
  }

  private static void finish(ForkEvents events, Point job, PointResult result) {
    events.finished(job, result);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
