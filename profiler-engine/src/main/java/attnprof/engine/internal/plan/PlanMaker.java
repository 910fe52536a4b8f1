package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.ForkLayout;
import attnprof.engine.internal.point.Point;
import attnprof.api.Mode;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.internal.environment.EnvironmentProbe;
import attnprof.engine.internal.point.PlannedPoint;
import attnprof.engine.internal.point.PointIds;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a sweep into a plan file: every point with its stable id, the cell it is measured side by side
 * in, and its predicted cost from the time-left model. The model learns from the points of earlier runs on
 * the same device in a results database when there are any; without them it falls back to a stated guess.
 */
public final class PlanMaker {
  /** Seconds of a point's fixed cost (a JVM, a graph) in the guess without measured points. */
  static final double GUESS_INFERENCE_SECONDS = 4;
  static final double GUESS_TRAINING_SECONDS = 8;
  /**
   * Seconds a measuring process takes to start, per cell and fork, on top of what the points of earlier runs
   * took (their time is counted from inside the process, so it leaves the JVM's start out).
   */
  static final double PROCESS_START_SECONDS = 3;

  private final PluginRegistry registry;
  private final Planner planner;

  @jakarta.inject.Inject
  public PlanMaker(PluginRegistry registry, Planner planner) {
    this.registry = registry;
    this.planner = planner;
  }

  /**
   * @param request the sweep; a plan measures each point with the request's forks and no refinement
   * @param history a results database to learn costs from, or null
   */
  public PlanFile make(SweepRequest request, ResultStore history, Instant now) {
    return of(request, planner.plan(request).points(), history, now, null);
  }

  /** A plan of a request, its costs taught by the runs of the database {@code history} when it exists. */
  public PlanFile make(SweepRequest request, java.nio.file.Path history, Instant now) {
    if (history == null || !java.nio.file.Files.isRegularFile(history)) {
      return make(request, (ResultStore) null, now);
    }
    try (ResultStore store = ResultStore.openExisting(history)) {
      return make(request, store, now);
    }
  }

  /**
   * A plan of these points of a request (a refinement wave's are some of the request's).
   *
   * @param refines the plan whose merged run this wave refines, or null
   */
  public PlanFile of(SweepRequest request, List<Point> jobs, ResultStore history, Instant now, String refines) {
    SweepPlan plan = new SweepPlan(jobs, Map.of());
    SweepRequest stored = request.toBuilder().outputDirectory(null).database(null).build();
    String version = EnvironmentProbe.attnprofVersion();
    RemainingTime model = new RemainingTime();
    int learned = history == null ? 0 : learn(model, history, request.device());
    Map<Point, Double> perFork = predictPerFork(plan.points(), model);
    List<PlannedPoint> points = new ArrayList<>();
    int cellNumber = 0;
    Map<Integer, Integer> cellOf = new HashMap<>();
    Map<Integer, Integer> cellSize = new HashMap<>();
    for (ForkLayout.Series series : ForkLayout.of(plan.points())) {
      for (List<Point> cell : series.cells()) {
        for (Point job : cell) {
          cellOf.put(job.index(), cellNumber);
        }
        cellSize.put(cellNumber, cell.size());
        cellNumber++;
      }
    }
    for (Point job : plan.points()) {
      int processes = request.forks() + (needsOwnProcess(job) ? 1 : 0);
      int cell = cellOf.get(job.index());
      double start = learned > 0 ? PROCESS_START_SECONDS / cellSize.get(cell) : 0;
      points.add(PlannedPoint.of(PointIds.of(job, stored.measuring().idText(), version), job, cell,
          Math.round((perFork.get(job) + start) * processes * 10) / 10.0));
    }
    String predictedFrom = learned > 0
        ? "the time-left model, from " + learned + " measured points of earlier runs on " + request.device()
            + " in " + history.file() + ", plus " + (int) PROCESS_START_SECONDS + " s per cell and fork for its "
            + "process to start"
        : "a guess, with no measured points to go by: " + (int) GUESS_INFERENCE_SECONDS + " s per inference point and "
            + (int) GUESS_TRAINING_SECONDS + " s per training point and fork, up to three times that at the longest "
            + "length, growing as length^1.5";
    return new PlanFile(PlanFile.FORMAT, PlanFile.idOf(points, refines), version, now.toString(), request.device(),
        predictedFrom, stored, Fingerprint.of(registry, jobs), points, refines);
  }

  /** Feeds the model the measured points of earlier runs on this device; returns how many. */
  private static int learn(RemainingTime model, ResultStore history, String device) {
    int learned = 0;
    for (StoredRun run : history.runs()) {
      if (!device.equals(run.request().device())) {
        continue;
      }
      for (PointResult point : history.points(run.runId()).values()) {
        int forks = Math.max(1, point.forks().size());
        if (point.status() == PointStatus.OK && point.wallSeconds() > 0) {
          model.finished(point.variant(), point.mode(), point.batch(), point.length(), point.wallSeconds() / forks);
          learned++;
        }
      }
    }
    return learned;
  }

  private static Map<Point, Double> predictPerFork(List<Point> jobs, RemainingTime model) {
    Map<Point, Double> seconds = new LinkedHashMap<>();
    Map<String, Double> longest = new HashMap<>();
    jobs.forEach(job -> longest.merge(job.modality(), job.length(), Math::max));
    for (Point job : jobs) {
      if (model.knowsAnything()) {
        seconds.put(job, model.secondsOf(List.of(job)));
      } else {
        double start = job.mode() == Mode.TRAINING ? GUESS_TRAINING_SECONDS : GUESS_INFERENCE_SECONDS;
        seconds.put(job, start * (1 + 2 * Math.pow(job.length() / longest.get(job.modality()), 1.5)));
      }
    }
    return seconds;
  }

  private boolean needsOwnProcess(Point job) {
    return job.metrics().stream().anyMatch(id -> registry.metric(id).descriptor().ownProcess());
  }
}
