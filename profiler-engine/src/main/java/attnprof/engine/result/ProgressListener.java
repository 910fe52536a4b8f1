package attnprof.engine.result;

import java.time.Duration;
import java.util.List;

/**
 * Hears how a sweep goes. A sweep measures in <em>steps</em>: the points of one cell (a variant and
 * its baseline, with the other variants compared with it, at one length, mode and batch size) loaded
 * and timed side by side in one measuring process, once per fork. Called on the sweep's thread, in
 * order; implementations must be quick and must not throw. Every method does nothing by default.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {
  };

  /** The sweep is planned: {@code points} points to measure in {@code steps} steps. */
  default void sweepStarted(String runId, int points, int steps) {
  }

  /**
   * A step starts; {@code index} counts from 0. {@code total} grows when refinement adds lengths after
   * the grid.
   */
  default void stepStarted(int index, int total, String label) {
  }

  /** A step ended, with its points' results in this process and the estimated time the planned rest will take. */
  default void stepFinished(int index, int total, String label, List<PointResult> results, double seconds,
      Duration remaining) {
  }

  /** Refinement adds {@code steps} steps: {@code why} says which tipping points it narrows down. */
  default void refining(String why, int steps) {
  }

  /** The sweep ended. */
  default void sweepFinished(SweepResult result) {
  }
}
