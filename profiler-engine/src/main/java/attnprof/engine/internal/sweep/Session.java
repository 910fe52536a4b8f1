package attnprof.engine.internal.sweep;

import attnprof.api.metric.Quantity;
import attnprof.engine.internal.fork.ForkExecutor;
import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.measure.MeasurementBudget;
import attnprof.engine.internal.point.ForkLayout;
import attnprof.engine.internal.point.Point;
import attnprof.engine.internal.point.PointKey;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.Figure;
import attnprof.engine.result.ForkResult;
import attnprof.engine.result.Lengths;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.ProgressListener;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.ResultWriter;
import attnprof.engine.result.SweepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One sweep under way, the one loop that measures: its points fork by fork (the points of a cell side by side in
 * each process), each point stored in the results database and the result files rewritten as soon as a fork of it
 * is in, so that a stopped sweep keeps what it measured and resumes with exactly what it misses; then, with
 * refinement, more forks and lengths where a tipping point is not yet pinned down ({@link RefinementLoop}).
 */
final class Session {
  private static final int MAX_RUNS = 1000;

  private final SessionFactory parts;
  private final SweepSetup setup;
  private final SweepRequest request;
  private final ResultStore store;
  private final ProgressListener progress;
  private final Path output;
  private final ForkExecutor executor;
  private final MeasurementBudget budget;
  /** The run's points: the plan's, then those refinement added, in the order they were added. */
  final List<Point> points = new ArrayList<>();
  /** The quantities of the sweep, by id. */
  final Map<String, Quantity> quantities = new LinkedHashMap<>();
  final SessionSteps steps;
  private final Map<PointKey, PointResult> results = new HashMap<>();
  private SweepResult latest;
  /** The refinement wave being measured; 0 while the grid is. */
  int wave;

  Session(SessionFactory parts, SweepSetup setup, ResultStore store, ProgressListener progress) {
    this.parts = parts;
    this.setup = setup;
    this.request = setup.request();
    this.store = store;
    this.progress = progress;
    this.output = request.outputDirectory();
    this.executor = parts.executors.create(request, output == null ? null : output.resolve("logs"));
    this.budget = new MeasurementBudget(request.runs(), request.minTime().toMillis(), request.warmup(),
        Math.max(request.runs(), MAX_RUNS));
    this.steps = new SessionSteps(progress, parts.clock, request.refineBudget(), this::forksOf);
    setup.plan().quantities().values().forEach(list -> list.forEach(q -> quantities.put(q.id(), q)));
    points.addAll(setup.plan().points());
    results.putAll(setup.stored());
    // refinement points stored by the run before it stopped: planned again, at their own lengths
    for (Map.Entry<PointKey, PointResult> entry : setup.stored().entrySet()) {
      if (entry.getValue().refinement() && points.stream().noneMatch(p -> p.key().equals(entry.getKey()))) {
        Refinement.atStoredLength(points, entry.getValue(), points.size()).ifPresent(points::add);
      }
    }
  }

  /** Measures what the run misses, refines when asked, and returns the run's result. */
  SweepResult run() {
    List<Point> missing = points.stream().filter(point -> !results.containsKey(point.key())
        || ownProcessPending(point)).toList();
    // with refinement, each grid length gets one fork, and the lengths that decide a tipping point get more
    int gridForks = request.refine() == SweepRequest.Refine.AUTO ? 1 : request.forks();
    Map<Point, Integer> targets = new LinkedHashMap<>();
    missing.forEach(point -> targets.put(point, gridForks));
    steps.plan(steps(targets));
    progress.sweepStarted(setup.runId(), missing.size(), steps.planned());
    latest = assemble(false);
    steps.refinementAhead(request.refine() == SweepRequest.Refine.AUTO && comparesAVariantWithItsBaseline());
    measure(targets);
    if (request.refine() == SweepRequest.Refine.AUTO) {
      new RefinementLoop(this, parts.registry, request).refine();
    }
    latest = assemble(true);
    if (store != null) {
      store.finishRun(setup.runId(), latest.finishedAt(), latest.complete());
    }
    write(latest, false);
    progress.sweepFinished(latest);
    return latest;
  }

  /** How many shared forks a point has so far: 0 without a result, the most there can be once it failed. */
  int forksOf(Point point) {
    PointResult result = results.get(point.key());
    if (result == null) {
      return 0;
    }
    if (result.status() != PointStatus.OK) {
      return Integer.MAX_VALUE;
    }
    return Math.max(1, (int) result.forks().stream().filter(f -> f.replicate() >= 0).count());
  }

  /**
   * Measures points until each has its target number of forks, one process per series and fork, and stores each
   * point again as each fork comes in. A failed point gets no more forks.
   */
  void measure(Map<Point, Integer> targets) {
    if (targets.isEmpty()) {
      return;
    }
    steps.measuring(targets);
    String prefix = wave == 0 ? "" : "w" + wave + "-";
    int most = targets.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (ForkLayout.Series series : ForkLayout.of(List.copyOf(targets.keySet()))) {
      for (int replicate = 0; replicate < most; replicate++) {
        int r = replicate;
        List<List<Point>> cells = new ArrayList<>();
        for (List<Point> cell : series.cellsFor(replicate)) {
          List<Point> left = cell.stream().filter(p -> forksOf(p) <= r && r < targets.get(p)).toList();
          if (!left.isEmpty()) {
            cells.add(left);
          }
        }
        if (!cells.isEmpty()) {
          execute(fork(r, prefix + series.name() + "-f" + (r + 1), cells, forksOf(cells.get(0).get(0)) == 0, false),
              label -> label + " (fork " + (r + 1) + ")", outcome -> add(outcome.job(), r, outcome));
        }
      }
      // the metrics that need a process of their own: once per point, alone
      for (List<Point> cell : series.cells()) {
        for (Point point : cell) {
          PointResult result = results.get(point.key());
          if (ownProcessPending(point)) {
            execute(fork(0, prefix + series.name() + "-own-" + point.index(), List.of(List.of(point)), true, true),
                label -> label + " (own process)", outcome -> add(outcome.job(), ForkResult.OWN_PROCESS, outcome));
          }
        }
      }
    }
  }

  private ForkJob fork(int replicate, String process, List<List<Point>> cells, boolean details, boolean own) {
    return new ForkJob(replicate, process, cells, budget, details, own, request.timeout().toMillis(),
        parts.pluginsFolder, request.traceDirectory() == null ? null
            : request.traceDirectory().toAbsolutePath().toString());
  }

  /** Runs one fork, telling progress about each cell as it starts and ends. */
  private void execute(ForkJob fork, UnaryOperator<String> label, Consumer<ForkExecutor.Outcome> onPoint) {
    Map<Integer, List<Point>> cellOf = new HashMap<>();
    fork.cells().forEach(cell -> cell.forEach(point -> cellOf.put(point.index(), cell)));
    Map<List<Point>, List<PointResult>> cellResults = new HashMap<>();
    executor.execute(fork, new ForkExecutor.Listener() {
      @Override
      public void cellStarted(List<Point> cell) {
        steps.cellStarted(label.apply(cellLabel(cell)));
      }

      @Override
      public void pointFinished(ForkExecutor.Outcome outcome) {
        steps.pointFinished(outcome.job(), outcome.result().wallSeconds());
        onPoint.accept(outcome);
        List<Point> cell = cellOf.get(outcome.job().index());
        List<PointResult> done = cellResults.computeIfAbsent(cell, c -> new ArrayList<>());
        done.add(outcome.result());
        if (done.size() == cell.size()) {
          steps.cellFinished(label.apply(cellLabel(cell)), List.copyOf(done));
        }
      }
    });
  }

  /** Adds a fork's outcome to a point, and stores the point as it now stands. */
  private void add(Point point, int replicate, ForkExecutor.Outcome outcome) {
    PointResult before = results.get(point.key());
    PointResult merged = ForkMerge.add(before,
        new ForkMerge.Measured(replicate, outcome.process(), outcome.result(), parts.clock.millis()));
    results.put(point.key(), merged);
    latest = assemble(false);
    // a point that never started is not a measurement: the database does not hold it, so a resume runs it
    if (store != null && merged.status() != PointStatus.NOT_RUN) {
      List<ResultRow> rows = figuresOf(point, merged).stream()
          .map(figure -> ResultRow.of(setup.runId(), figure, setup.environment())).toList();
      try {
        store.savePoint(setup.runId(), point.key(), point.index(), merged, rows, latest.finishedAt());
      } catch (IllegalStateException e) {
        // what the database lacks is not printed or written either: the point stands as the database holds it,
        // or, never stored, as not run, so that the sweep ends partial and a resume measures it
        results.put(point.key(), before != null ? before : PointResult.failed(merged.point(), PointStatus.NOT_RUN,
            "measured, but the results database could not store it: " + e.getMessage(), merged.wallSeconds()));
        latest = assemble(false);
      }
    }
    write(latest, true);
  }

  /** The steps measuring these points to their targets takes: a cell for each fork it still needs. */
  int steps(Map<Point, Integer> targets) {
    int count = 0;
    for (ForkLayout.Series series : ForkLayout.of(List.copyOf(targets.keySet()))) {
      for (List<Point> cell : series.cells()) {
        count += cell.stream().mapToInt(p -> Math.max(0, targets.get(p) - Math.min(forksOf(p), targets.get(p))))
            .max().orElse(0);
        count += (int) cell.stream().filter(p -> needsOwnProcess(p) && (forksOf(p) == 0 || ownProcessPending(p)))
            .count();
      }
    }
    return count;
  }

  private boolean needsOwnProcess(Point point) {
    return point.metrics().stream().anyMatch(id -> parts.registry.metric(id).descriptor().ownProcess());
  }

  /** A measured point whose metrics that need a process of their own have not had it (it could not start). */
  private boolean ownProcessPending(Point point) {
    PointResult result = results.get(point.key());
    return result != null && result.status() == PointStatus.OK && needsOwnProcess(point)
        && result.forks().stream().noneMatch(f -> f.replicate() == ForkResult.OWN_PROCESS);
  }

  /** Whether some efficient variant is swept with its baseline: only then is there a tipping point to refine. */
  private boolean comparesAVariantWithItsBaseline() {
    java.util.Set<String> swept = new java.util.HashSet<>();
    points.forEach(point -> swept.add(point.variant()));
    return points.stream().anyMatch(point -> !point.baseline().isEmpty() && swept.contains(point.baseline()));
  }

  /**
   * The result so far: the points measured or stored, in the plan's order, refinement points after; with the
   * tipping points and comparisons when {@code analyse}. Resampling takes about a second of CPU, which must not
   * run beside a measuring process: between points it is left out, and the files written then carry no tipping
   * points until the sweep ends (the database keeps every point).
   */
  SweepResult assemble(boolean analyse) {
    List<PointResult> measured = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    for (Point point : points.stream().sorted(Comparator.comparingInt(Point::index)).toList()) {
      PointResult result = results.get(point.key());
      if (result != null) {
        measured.add(result);
        figures.addAll(figuresOf(point, result));
      }
    }
    Comparisons.Analysis analysis = analyse
        ? parts.tippingPointFinder.analyse(figures, measured, Comparisons.Settings.of(request))
        : new Comparisons.Analysis(List.of(), List.of());
    boolean complete = points.stream().allMatch(point -> results.containsKey(point.key())
        && results.get(point.key()).status() != PointStatus.NOT_RUN && !ownProcessPending(point));
    return new SweepResult(setup.runId(), setup.started(), parts.clock.instant(), setup.environment(), measured, figures,
        analysis.tippingPoints(), analysis.comparisons(), output, complete);
  }

  private List<Figure> figuresOf(Point point, PointResult result) {
    return Figure.of(result, setup.plan().quantitiesOf(point));
  }

  private void write(SweepResult result, boolean afterPoint) {
    if (output == null) {
      return;
    }
    for (ResultWriter writer : parts.writers) {
      if (afterPoint && !writer.afterEveryPoint()) {
        continue;
      }
      try {
        writer.write(result, output);
      } catch (IOException | UncheckedIOException e) {
        throw new attnprof.engine.result.ResultsUnwritableException(store == null ? null : setup.runId(),
            "cannot write results to " + output + ": " + e.getMessage() + (store == null ? ""
            : "; the points measured so far are in " + store.file() + ", and `sweep --resume " + setup.runId()
            + "` goes on from them once the folder can be written"));
      }
    }
  }

  /** A cell as people read it: {@code text/bert + 2 more, 512 inference b1}. */
  static String cellLabel(List<Point> cell) {
    Point first = cell.get(0);
    String who = cell.size() == 1 ? first.variant() : first.variant() + " + " + (cell.size() - 1) + " more";
    return who + " " + Lengths.exact(first.length()) + " " + first.mode().id() + " b" + first.batch();
  }
}
