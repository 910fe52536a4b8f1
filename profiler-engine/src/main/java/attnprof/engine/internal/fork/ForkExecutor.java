package attnprof.engine.internal.fork;

import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.point.Point;
import attnprof.engine.result.PointResult;
import java.util.List;

/**
 * Measures the cells of a fork somewhere: in child JVMs or in this process. Never throws for a failed
 * point: every point of the fork gets a result, built from its job when its process gave none.
 */
public interface ForkExecutor {

  /**
   * Measures a fork's points.
   *
   * @param listener told as each cell starts and each point ends
   * @return a result for every point of the fork, in any order
   */
  List<Outcome> execute(ForkJob fork, Listener listener);

  /**
   * A point's result in a fork.
   *
   * @param job the point
   * @param result its result in this fork
   * @param process the process that measured it: points of one process were timed side by side
   */
  record Outcome(Point job, PointResult result, String process) {
  }

  /** Hears how a fork goes; called on the sweep's thread. */
  interface Listener {
    Listener NONE = new Listener() {
    };

    /** A cell's points start to load. */
    default void cellStarted(List<Point> cell) {
    }

    /** A point of the fork ended. */
    default void pointFinished(Outcome outcome) {
    }
  }
}
