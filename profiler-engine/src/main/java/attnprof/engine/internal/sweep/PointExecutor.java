package attnprof.engine.internal.sweep;

import attnprof.engine.PointResult;
import java.time.Duration;

/** Measures one point somewhere: in this process or in a child JVM. Never throws for a failed point. */
public interface PointExecutor {

  /**
   * Measures a point within a time limit.
   *
   * @param job the point
   * @param timeout the time limit; past it the point is {@code timeout}
   * @return the point's result, whatever happened
   */
  PointResult execute(PointJob job, Duration timeout);
}
