package attnprof.engine.internal.sweep;

import attnprof.api.ProfilerException;
import attnprof.api.metric.Quantity;
import attnprof.engine.internal.plan.PlanFile;
import attnprof.engine.internal.plan.PlanMaker;
import attnprof.engine.internal.plan.Planner;
import attnprof.engine.internal.plan.SweepPlan;
import attnprof.engine.internal.point.Point;
import attnprof.engine.internal.point.PointKey;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredResults;
import attnprof.engine.internal.store.StoredRun;
import attnprof.engine.internal.tipping.TippingPointFinder;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.SweepResult;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the next refinement wave of a planned sweep's merged run: the lengths its tipping points need next, as
 * {@code refine auto} would measure them (time quantities first, then memory), in a plan of their own that
 * refines the run's plan.
 */
public final class WavePlanner {
  private final Planner planner;
  private final PlanMaker planMaker;
  private final PluginRegistry registry;
  private final TippingPointFinder tippingPointFinder;
  private final Clock clock;

  @Inject
  public WavePlanner(Planner planner, PlanMaker planMaker, PluginRegistry registry,
      TippingPointFinder tippingPointFinder, Clock clock) {
    this.planner = planner;
    this.planMaker = planMaker;
    this.registry = registry;
    this.tippingPointFinder = tippingPointFinder;
    this.clock = clock;
  }

  /** @throws ProfilerException a user error when the run is not a merged run of a plan, or needs no more */
  public PlanFile nextWave(Path database, String runId) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      StoredRun run = store.run(runId);
      if (run.plan() == null || run.shard() != null) {
        throw ProfilerException.user(runId + " is not a merged run of a plan: refine the merge of `sweep --plan` "
            + "shards (a sweep of one machine refines itself with --refine auto)");
      }
      SweepPlan planned = planner.plan(run.request());
      List<Point> points = new ArrayList<>(planned.points());
      Set<PointKey> keys = new HashSet<>();
      points.forEach(point -> keys.add(point.key()));
      for (Map.Entry<PointKey, PointResult> entry : store.points(runId).entrySet()) {
        if (!keys.contains(entry.getKey())) {
          Refinement.atStoredLength(planned.points(), entry.getValue(), points.size()).ifPresent(points::add);
        }
      }
      Map<String, Quantity> quantities = new LinkedHashMap<>();
      planned.quantities().values().forEach(list -> list.forEach(q -> quantities.put(q.id(), q)));
      SweepResult result = new StoredResults(tippingPointFinder).read(database, runId);
      Refinement.Wave wave = Refinement.next(new Comparisons.Analysis(result.tippingPoints(), result.comparisons()),
          points, quantities, Refinement.wholeLengths(registry), Refinement.padding(registry));
      List<Point> next = wave.time().isEmpty() ? wave.memory() : wave.time();
      if (next.isEmpty()) {
        throw ProfilerException.user(runId + " needs no more refinement: each time tipping point's interval is "
            + "within " + Math.round(Refinement.TOLERANCE * 100) + "% between lengths at most an octave apart (or its "
            + "lengths are as close as they can be), and each memory tipping point is exact");
      }
      SweepRequest waveRequest = run.request().toBuilder()
          .variants(next.stream().map(Point::variant).distinct().toList())
          .lengths(next.stream().map(Point::length).distinct().sorted().toList())
          .modes(next.stream().map(Point::mode).distinct().toList())
          .batches(next.stream().map(Point::batch).distinct().toList()).build();
      List<Point> indexed = new ArrayList<>();
      for (Point point : next) {
        indexed.add(point.withIndex(points.size() + indexed.size()));
      }
      return planMaker.of(waveRequest, indexed, store, clock.instant(), run.plan());
    }
  }
}
