package attnprof.engine.internal.measure;

/**
 * How long each point of a measuring process is timed: at least {@code minRuns} timed runs and at
 * least {@code minMillis} of timed work, after {@code warmup} untimed runs (the first of which makes
 * TensorFlow optimise the graph; 0 runs them until the step time is steady, see {@link WarmUp}), and never more than
 * {@code maxRuns} runs.
 *
 * @param minRuns the fewest timed runs, at least 1
 * @param minMillis the least timed work in milliseconds
 * @param warmup untimed runs before them: at least 1, or 0 for until steady
 * @param maxRuns the most timed runs, however short a step is
 */
public record MeasurementBudget(int minRuns, long minMillis, int warmup, int maxRuns) {
  public MeasurementBudget {
    if (minRuns < 1 || maxRuns < minRuns || warmup < 0 || minMillis < 0) {
      throw new IllegalArgumentException("bad budget: " + minRuns + " runs, " + minMillis + " ms, " + warmup
          + " warm-up, at most " + maxRuns + " runs");
    }
  }

  /**
   * The timed runs a point whose step takes {@code stepMillis} needs: enough to reach both the
   * fewest runs and the least timed work, within the most runs.
   */
  public int runsFor(double stepMillis) {
    double byTime = stepMillis > 0 ? Math.ceil(minMillis / stepMillis) : minRuns;
    return (int) Math.min(maxRuns, Math.max(minRuns, byTime));
  }
}
