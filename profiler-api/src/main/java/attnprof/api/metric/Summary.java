package attnprof.api.metric;

import java.util.Arrays;

/**
 * A statistic of repeated runs: the median, the spread and a confidence interval of the median.
 *
 * @param median the median of the runs (the reported value)
 * @param p10 the 10th percentile
 * @param p90 the 90th percentile
 * @param mad the median absolute deviation from the median
 * @param ciLow the lower end of a distribution-free confidence interval of the median of at least
 *     95% coverage (the order statistics the binomial distribution picks), or the minimum when
 *     there are too few runs for one
 * @param ciHigh its upper end, or the maximum
 * @param runs how many runs the statistic summarises
 *
 * @since API 1
 */
public record Summary(double median, double p10, double p90, double mad, double ciLow, double ciHigh, int runs) {

  /** The summary of one value that was not repeated, or of a maximum over runs. */
  public static Summary single(double value, int runs) {
    return new Summary(value, value, value, 0, value, value, runs);
  }

  /** Summarises repeated samples. */
  public static Summary of(double... samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    double median = quantile(sorted, 0.5);
    double[] deviations = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      deviations[i] = Math.abs(sorted[i] - median);
    }
    Arrays.sort(deviations);
    int[] ci = medianConfidenceRanks(sorted.length);
    return new Summary(median, quantile(sorted, 0.1), quantile(sorted, 0.9), quantile(deviations, 0.5),
        sorted[ci[0]], sorted[ci[1]], sorted.length);
  }

  /**
   * The p-quantile of sorted values: linear interpolation between order statistics (the R-7 / NumPy
   * default definition).
   *
   * @since API 3
   */
  public static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /**
   * Zero-based ranks (lo, hi) of order statistics that cover the median with at least 95%
   * probability, from the binomial(n, 1/2) distribution; (0, n-1) when n is too small for that.
   */
  static int[] medianConfidenceRanks(int n) {
    double[] pmf = new double[n + 1];
    double logHalfN = n * Math.log(0.5);
    double logChoose = 0;
    for (int k = 0; k <= n; k++) {
      if (k > 0) {
        logChoose += Math.log(n - k + 1) - Math.log(k);
      }
      pmf[k] = Math.exp(logChoose + logHalfN);
    }
    // coverage of [X_(j+1), X_(n-j)] (1-based) is 1 - 2 * P(B <= j)
    int best = 0;
    double tail = 0;
    for (int j = 0; j < n / 2; j++) {
      tail += pmf[j];
      if (1 - 2 * tail >= 0.95) {
        best = j + 1;
      } else {
        break;
      }
    }
    int lo = Math.max(0, best - 1);
    if (best == 0) {
      return new int[] {0, n - 1};
    }
    return new int[] {lo, n - 1 - lo};
  }

  /** The spread as (p90 - p10) / median, a unit-free number; zero for a single value. */
  public double relativeSpread() {
    return median == 0 ? 0 : (p90 - p10) / Math.abs(median);
  }
}
