package attnprof.engine.internal.sweep;

import attnprof.engine.internal.point.Point;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.Lengths;
import attnprof.engine.result.SweepResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * After the grid: more forks for the lengths that decide a tipping point, and lengths between them to narrow it
 * down, wave after wave, while the budget lasts. Each wave is planned from the analysis of everything measured
 * so far; time quantities go first, and memory waits until no time quantity needs more, so that a tipping point
 * that moves after a wave still has budget left to follow it.
 */
final class RefinementLoop {
  private final Session session;
  private final PluginRegistry registry;
  private final SweepRequest request;

  RefinementLoop(Session session, PluginRegistry registry, SweepRequest request) {
    this.session = session;
    this.registry = registry;
    this.request = request;
  }

  void refine() {
    long budgetMillis = request.refineBudget().toMillis();
    while (true) {
      SweepResult latest = session.assemble(true);
      Comparisons.Analysis analysis = new Comparisons.Analysis(latest.tippingPoints(), latest.comparisons());
      Refinement.Wave lengths = Refinement.next(analysis, session.points, session.quantities,
          Refinement.wholeLengths(registry), Refinement.padding(registry));
      Map<Point, Integer> more = moreForks(Refinement.deciding(analysis, session.points, session.quantities, true));
      List<Point> added = new ArrayList<>(lengths.time());
      if (more.isEmpty() && added.isEmpty()) {
        more = moreForks(Refinement.deciding(analysis, session.points, session.quantities, false));
        added = new ArrayList<>(lengths.memory());
      }
      Map<Point, Integer> wave = new LinkedHashMap<>(more);
      added.forEach(point -> wave.put(point, request.forks()));
      long spent = session.steps.refineSpentMillis();
      if (!wave.isEmpty() && spent + session.steps.predictedMillis(wave) > budgetMillis && !more.isEmpty()) {
        // the whole wave would overrun the budget: the second forks of the lengths already there may not
        wave.keySet().retainAll(more.keySet());
        added.clear();
      }
      if (wave.isEmpty() || spent + session.steps.predictedMillis(wave) > budgetMillis) {
        return;
      }
      session.wave++;
      Map<Point, Integer> indexed = new LinkedHashMap<>();
      for (Map.Entry<Point, Integer> entry : wave.entrySet()) {
        Point point = entry.getKey();
        if (added.contains(point)) {
          point = point.withIndex(session.points.size());
          session.points.add(point);
        }
        indexed.put(point, entry.getValue());
      }
      int steps = session.steps(indexed);
      session.steps.waveStarted("wave " + session.wave + ": " + describe(more.keySet(), added), steps);
      session.measure(indexed);
      session.steps.waveEnded();
    }
  }

  /** The points among these that have fewer forks than asked for, with the forks asked for. */
  private Map<Point, Integer> moreForks(List<Point> points) {
    Map<Point, Integer> more = new LinkedHashMap<>();
    points.stream().filter(point -> session.forksOf(point) < request.forks())
        .forEach(point -> more.put(point, request.forks()));
    return more;
  }

  private static String describe(Collection<Point> replicated, List<Point> added) {
    List<String> parts = new ArrayList<>();
    if (!replicated.isEmpty()) {
      parts.add("another fork at " + lengths(replicated));
    }
    if (!added.isEmpty()) {
      parts.add("new lengths " + lengths(added));
    }
    return String.join("; ", parts);
  }

  private static String lengths(Collection<Point> points) {
    Map<String, TreeSet<Double>> byMode = new TreeMap<>();
    points.forEach(point -> byMode.computeIfAbsent(point.mode().id(), m -> new TreeSet<>()).add(point.length()));
    List<String> parts = new ArrayList<>();
    byMode.forEach((mode, values) -> parts.add(values.stream().map(Lengths::exact)
        .collect(Collectors.joining(", ")) + " (" + mode + ")"));
    return String.join(", ", parts);
  }
}
