package attnprof.engine;

import java.time.Duration;

/**
 * Hears how a sweep goes. Called on the sweep's thread, in order; implementations must be quick and
 * must not throw. Every method does nothing by default.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {
  };

  /** The sweep is planned and about to measure {@code points} points. */
  default void sweepStarted(String runId, int points) {
  }

  /** A point starts; {@code index} counts from 0. */
  default void pointStarted(int index, int total, String label) {
  }

  /** A point ended, with the estimated time the rest of the sweep will take. */
  default void pointFinished(int index, int total, String label, PointResult result, Duration remaining) {
  }

  /** The sweep ended. */
  default void sweepFinished(SweepResult result) {
  }
}
