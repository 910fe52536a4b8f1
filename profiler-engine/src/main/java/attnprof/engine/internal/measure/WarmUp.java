package attnprof.engine.internal.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The untimed steps before a model is timed. A forced count runs exactly that many. Otherwise they run until the step
 * time stops falling, as JMH-style steady-state detection does: at least {@value #MIN_STEPS} steps (the first is when
 * TensorFlow optimises the graph), then until the fastest of the last {@value #WINDOW} steps is no more than
 * {@value #TOLERANCE_PERCENT}% faster than the fastest of the {@value #WINDOW} before them; at most
 * {@value #MAX_STEPS} steps, and no new step once {@value #BUDGET_MILLIS} ms of warm-up have passed (long steps have
 * settled by their second).
 */
final class WarmUp {
  /** The count that asks for warm-up until steady. */
  static final int UNTIL_STEADY = 0;
  static final int MIN_STEPS = 4;
  static final int WINDOW = 2;
  static final int MAX_STEPS = 40;
  static final int TOLERANCE_PERCENT = 5;
  static final long BUDGET_MILLIS = 1500;
  /** Steps always run, even past the budget: the graph's optimisation and one step after it. */
  private static final int FLOOR = 2;

  private WarmUp() {
  }

  /** One untimed step, returning its wall time. */
  @FunctionalInterface
  interface Step {
    Duration run() throws Exception;
  }

  /**
   * @param steps how many ran
   * @param last the last one's wall time
   * @param steady whether the step time had stopped falling (always true for a forced count)
   */
  record Outcome(int steps, Duration last, boolean steady) {
    /** How the warm-up went, for a point's notes. */
    String note() {
      return "warm-up: " + steps + " untimed steps, the last " + String.format(java.util.Locale.ROOT, "%.1f ms",
          last.toNanos() / 1e6) + (steady ? "" : " (stopped by its bound before the step time settled)");
    }
  }

  /** Runs the warm-up: {@code forced} steps, or until steady when it is {@link #UNTIL_STEADY}. */
  static Outcome run(Step step, int forced) throws Exception {
    List<Long> nanos = new ArrayList<>();
    if (forced != UNTIL_STEADY) {
      Duration last = Duration.ZERO;
      for (int i = 0; i < forced; i++) {
        last = step.run();
      }
      return new Outcome(forced, last, true);
    }
    long start = System.nanoTime();
    while (true) {
      nanos.add(step.run().toNanos());
      Duration last = Duration.ofNanos(nanos.get(nanos.size() - 1));
      if (steady(nanos)) {
        return new Outcome(nanos.size(), last, true);
      }
      boolean overBudget = System.nanoTime() - start >= BUDGET_MILLIS * 1_000_000 && nanos.size() >= FLOOR;
      if (overBudget || nanos.size() >= MAX_STEPS) {
        return new Outcome(nanos.size(), last, false);
      }
    }
  }

  /** Whether the last {@link #WINDOW} steps are no longer clearly faster than the ones before them. */
  static boolean steady(List<Long> nanos) {
    int n = nanos.size();
    if (n < Math.max(MIN_STEPS, 2 * WINDOW)) {
      return false;
    }
    long recent = nanos.subList(n - WINDOW, n).stream().mapToLong(Long::longValue).min().orElseThrow();
    long before = nanos.subList(n - 2 * WINDOW, n - WINDOW).stream().mapToLong(Long::longValue).min().orElseThrow();
    return recent >= before * (1 - TOLERANCE_PERCENT / 100.0);
  }
}
