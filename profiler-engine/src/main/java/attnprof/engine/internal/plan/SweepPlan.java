package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.PointJob;
import attnprof.api.metric.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The points of a sweep, in the order they are measured, with the quantities each should yield.
 *
 * @param jobs the points
 * @param quantities by metric id, the quantities its measurements carry
 */
public record SweepPlan(List<PointJob> jobs, Map<String, List<Quantity>> quantities) {
  public SweepPlan {
    jobs = List.copyOf(jobs);
    quantities = Map.copyOf(quantities);
  }

  /** The quantities a point should yield. */
  public List<Quantity> quantitiesOf(PointJob job) {
    return job.metrics().stream().flatMap(id -> quantities.get(id).stream()).toList();
  }
}
