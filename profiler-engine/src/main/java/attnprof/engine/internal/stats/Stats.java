package attnprof.engine.internal.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/** Small statistics the resampling needs. */
final class Stats {
  private static final Quantile QUANTILE = Quantile.withDefaults();

  private Stats() {
  }

  static double median(double[] values) {
    return QUANTILE.evaluate(values.clone(), 0.5);
  }

  /** The {@code p} quantile of values that may include infinities (they sort to the ends). */
  static double quantile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    if (sorted[below] == sorted[above] || Double.isInfinite(sorted[below]) || Double.isInfinite(sorted[above])) {
      return position - below < 0.5 ? sorted[below] : sorted[above];
    }
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  /** The sample variance (n - 1 in the denominator); 0 for fewer than two values. */
  static double variance(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum / (values.length - 1);
  }
}
