package attnprof.engine.internal.measure;

import attnprof.engine.result.PointResult;
import attnprof.engine.internal.point.Point;

/**
 * What a measuring process says as it goes, so that whoever watches it can hold each phase to a time
 * limit and, when the process dies, knows which point it was on. Every method is called on the
 * measuring thread, in order.
 */
public interface ForkEvents {
  /** Says nothing. */
  ForkEvents NONE = new ForkEvents() {
  };

  /** A point's model starts to load (build, initialise, warm up). */
  default void loading(Point job) {
  }

  /** The points of a cell that loaded are timed side by side; the rounds should take about {@code seconds}. */
  default void timing(java.util.List<Point> jobs, double seconds) {
  }

  /** A point's metrics start (its traced step, its FLOPs). */
  default void measuring(Point job) {
  }

  /** A point ended, measured or not. */
  default void finished(Point job, PointResult result) {
  }
}
