package attnprof.engine.internal.fork;

import java.time.Duration;

/**
 * The time limit of what a measuring process is doing now, renewed by each thing it says: loading or
 * measuring a point has the point's time limit; timing a cell's points side by side has the longer of
 * that limit and three times the time the rounds were planned to take (they are planned from measured
 * steps, so taking far longer means a step hangs).
 */
final class PhaseClock {
  /** The phase of a process that has said nothing yet. */
  static final String STARTING = "starting";

  private final long limitNanos;
  private long deadline;
  private String phase = STARTING;
  private int index = -1;

  PhaseClock(Duration limit, long nowNanos) {
    this.limitNanos = limit.toNanos();
    this.deadline = nowNanos + limitNanos;
  }

  void heard(ForkProtocol.Event event, long nowNanos) {
    phase = event.kind();
    if (event.index() >= 0) {
      index = event.index();
    }
    long allowed = event.kind().equals(ForkProtocol.TIMING)
        ? Math.max(limitNanos, (long) (3 * event.seconds() * 1e9))
        : limitNanos;
    deadline = nowNanos + allowed;
  }

  boolean expired(long nowNanos) {
    return nowNanos - deadline > 0;
  }

  /** The last thing said: {@code starting}, or an event kind. */
  String phase() {
    return phase;
  }

  /** The point the last event that named one named, or -1. */
  int index() {
    return index;
  }
}
