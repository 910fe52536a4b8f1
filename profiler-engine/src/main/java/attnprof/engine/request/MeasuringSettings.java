package attnprof.engine.request;

import attnprof.api.ProfilerException;
import java.time.Duration;
import java.util.Objects;

/**
 * How each point of a sweep is measured, the same for all of them.
 *
 * @param device the device id
 * @param threads TensorFlow's op threads, 0 for its default (every core)
 * @param runs the fewest timed runs per point in each fork
 * @param minTime the least timed work per point in each fork: short steps are run until it is reached
 * @param warmup untimed runs before them, the first of which is when TensorFlow optimises the graph;
 *     {@link #WARMUP_UNTIL_STEADY} runs them until the step time stops falling
 * @param forks measuring processes per point (the unit of replication); the points of a cell are timed side by
 *     side in each
 * @param timeout the time limit of one point
 * @param inProcess whether to measure in this JVM instead of a fresh child JVM per point
 * @param seed the seed of weights and synthetic inputs
 */
public record MeasuringSettings(String device, int threads, int runs, Duration minTime, int warmup, int forks,
    Duration timeout, boolean inProcess, long seed) {

  /** @throws ProfilerException a user error for a value out of range */
  /** The warm-up count that runs untimed steps until the step time stops falling, per model. */
  public static final int WARMUP_UNTIL_STEADY = 0;

  public MeasuringSettings {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(minTime, "minTime");
    Objects.requireNonNull(timeout, "timeout");
    if (runs < 1) {
      throw ProfilerException.user("runs must be at least 1, got " + runs);
    }
    if (warmup < 0) {
      throw ProfilerException.user("warm-up runs must be at least 1 (the first run optimises the graph and is never "
          + "timed), or " + WARMUP_UNTIL_STEADY + " for until the step time is steady; got " + warmup);
    }
    if (forks < 1) {
      throw ProfilerException.user("forks must be at least 1, got " + forks);
    }
    if (minTime.isNegative()) {
      throw ProfilerException.user("the least timed work per point must not be negative, got " + minTime);
    }
    if (threads < 0) {
      throw ProfilerException.user("threads must not be negative, got " + threads);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw ProfilerException.user("the time limit per point must be positive, got " + timeout);
    }
  }

  /** The settings as text, part of each planned point's id: the same settings, the same measurement. */
  public String idText() {
    return "runs=" + runs + ",minTime=" + minTime.toMillis() + ",warmup=" + warmup + ",forks=" + forks + ",timeout="
        + timeout.toSeconds() + ",inProcess=" + inProcess;
  }
}
