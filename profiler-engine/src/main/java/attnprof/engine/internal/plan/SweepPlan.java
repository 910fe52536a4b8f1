package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.Point;
import attnprof.api.metric.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The points of a sweep, in the order they are measured, with the quantities each should yield.
 *
 * @param points the points
 * @param quantities by metric id, the quantities its measurements carry
 */
public record SweepPlan(List<Point> points, Map<String, List<Quantity>> quantities) {
  public SweepPlan {
    points = List.copyOf(points);
    quantities = Map.copyOf(quantities);
  }

  /** A plan of these points, with the quantities their metrics yield in this registry. */
  public static SweepPlan of(List<Point> points, attnprof.engine.plugins.PluginRegistry registry) {
    Map<String, List<Quantity>> quantities = new java.util.LinkedHashMap<>();
    points.forEach(point -> point.metrics().forEach(id -> quantities.computeIfAbsent(id,
        metric -> registry.metric(metric).descriptor().quantities())));
    return new SweepPlan(points, quantities);
  }

  /** The quantities a point should yield. */
  public List<Quantity> quantitiesOf(Point job) {
    return job.metrics().stream().flatMap(id -> quantities.get(id).stream()).toList();
  }
}
