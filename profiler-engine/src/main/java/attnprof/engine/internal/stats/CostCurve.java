package attnprof.engine.internal.stats;

import java.util.Optional;

/**
 * A model's cost at any length from its cost at the measured ones: straight lines in log length and log cost between
 * measured lengths; beyond them, the fitted {@link CostModel} when it fits well, else the line through the two
 * nearest measured lengths.
 */
final class CostCurve {
  private final double[] logLengths;
  private final double[] logCosts;
  private final Optional<CostModel> model;

  /**
   * @param lengths ascending, at least two
   * @param logCosts the log cost at each
   * @param extrapolates whether lengths outside them will be asked for (then a cost model is fitted)
   */
  CostCurve(double[] lengths, double[] logCosts, boolean extrapolates) {
    this.logLengths = new double[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      logLengths[i] = Math.log(lengths[i]);
    }
    this.logCosts = logCosts.clone();
    double[] costs = new double[logCosts.length];
    for (int i = 0; i < costs.length; i++) {
      costs[i] = Math.exp(logCosts[i]);
    }
    this.model = extrapolates ? CostModel.fit(lengths, costs).filter(CostModel::good) : Optional.empty();
  }

  /** The cost at {@code length}. */
  double at(double length) {
    double x = Math.log(length);
    int last = logLengths.length - 1;
    if (x < logLengths[0] || x > logLengths[last]) {
      if (model.isPresent() && model.get().at(length) > 0) {
        return model.get().at(length);
      }
      int i = x < logLengths[0] ? 0 : last - 1;
      return Math.exp(line(i, x));
    }
    int i = 0;
    while (i < last - 1 && x > logLengths[i + 1]) {
      i++;
    }
    return Math.exp(line(i, x));
  }

  /** The log cost at {@code x} on the line through measured lengths {@code i} and {@code i + 1}. */
  private double line(int i, double x) {
    double span = logLengths[i + 1] - logLengths[i];
    return logCosts[i] + (logCosts[i + 1] - logCosts[i]) * (x - logLengths[i]) / span;
  }

  /** Whether {@code length} lies outside the measured lengths. */
  boolean outside(double length) {
    double x = Math.log(length);
    return x < logLengths[0] - 1e-12 || x > logLengths[logLengths.length - 1] + 1e-12;
  }
}
