package attnprof.engine.internal.stats;

import java.util.List;

/**
 * One model's readings of one quantity at one point: per measuring process (fork), the value of each
 * timed run in the order taken, or a single reading. When only a summary is known (a results CSV),
 * the median with the standard error of its logarithm.
 *
 * @param forks the forks' runs; empty when only a summary is known
 * @param median the summary's median, when there are no forks
 * @param logStandardError the standard error of the median's logarithm, when there are no forks
 */
public record Samples(List<Fork> forks, double median, double logStandardError) {
  public Samples {
    forks = List.copyOf(forks);
  }

  /**
   * One fork's runs.
   *
   * @param process the measuring process, shared with the points it measured side by side
   * @param runs the runs' values in the order taken (run {@code i} in round {@code i})
   * @param time when the fork's result came in, milliseconds since the epoch (0 when unknown)
   */
  public record Fork(String process, double[] runs, long time) {
  }

  /** Readings by fork. */
  public static Samples ofForks(List<Fork> forks) {
    return new Samples(forks, Double.NaN, 0);
  }

  /** A summary only: the median and a 95% interval of it (equal ends for a single reading). */
  public static Samples ofSummary(double median, double ciLow, double ciHigh) {
    double se = ciLow > 0 && ciHigh > 0 ? (Math.log(ciHigh) - Math.log(ciLow)) / (2 * 1.96) : 0;
    return new Samples(List.of(), median, se);
  }

  boolean summaryOnly() {
    return forks.isEmpty();
  }

  /** The log of the estimate: the mean over forks of the log of each fork's median. */
  double logEstimate() {
    if (summaryOnly()) {
      return Math.log(median);
    }
    double sum = 0;
    for (Fork fork : forks) {
      sum += Math.log(Stats.median(fork.runs()));
    }
    return sum / forks.size();
  }

  /** The variance of the log of the forks' medians: how far one process' level lies from another's; 0 with one. */
  double forkLogVariance() {
    return forks.size() < 2 ? 0
        : Stats.variance(forks.stream().mapToDouble(fork -> Math.log(Stats.median(fork.runs()))).toArray());
  }

  /** The estimate itself. */
  public double estimate() {
    return Math.exp(logEstimate());
  }
}
