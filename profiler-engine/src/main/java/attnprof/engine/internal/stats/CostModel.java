package attnprof.engine.internal.stats;

import java.util.OptionalDouble;

/**
 * A fitted cost curve {@code cost(n) = a + b n + c n^2} of one model against length, by least squares
 * on relative errors (so that short and long lengths count alike): the shape of a Transformer's cost,
 * a fixed part, work linear in length (projections, feed-forward, linear attention) and work quadratic
 * in it (full attention). Costs are the quantity itself when lower is better and its inverse when
 * higher is (inputs per second become seconds per input).
 */
final class CostModel {
  /** A fit whose largest relative residual is above this is too poor to extrapolate from. */
  static final double MAX_RESIDUAL = 0.10;
  /** The fewest lengths a fit needs: one more than its coefficients, so that its residuals mean something. */
  static final int MIN_LENGTHS = 4;

  private final double a;
  private final double b;
  private final double c;
  private final double scale;
  private final double worstResidual;

  private CostModel(double a, double b, double c, double scale, double worstResidual) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.scale = scale;
    this.worstResidual = worstResidual;
  }

  /** The fit of costs at lengths, or empty when there are too few lengths or it is not determined. */
  static java.util.Optional<CostModel> fit(double[] lengths, double[] costs) {
    if (lengths.length < MIN_LENGTHS) {
      return java.util.Optional.empty();
    }
    double scale = 0;
    for (double length : lengths) {
      scale = Math.max(scale, length);
    }
    double s = scale;
    double[] coefficients = LeastSquares.fit(lengths.length, i -> {
      double n = lengths[i] / s;
      return new double[] {1 / costs[i], n / costs[i], n * n / costs[i]};
    }, i -> 1, i -> 1);
    if (coefficients == null) {
      return java.util.Optional.empty();
    }
    double worst = 0;
    for (int i = 0; i < lengths.length; i++) {
      double n = lengths[i] / s;
      double predicted = coefficients[0] + coefficients[1] * n + coefficients[2] * n * n;
      worst = Math.max(worst, Math.abs(predicted - costs[i]) / costs[i]);
    }
    return java.util.Optional.of(new CostModel(coefficients[0], coefficients[1], coefficients[2], s, worst));
  }

  /** The largest relative residual at the fitted lengths. */
  double worstResidual() {
    return worstResidual;
  }

  boolean good() {
    return worstResidual <= MAX_RESIDUAL;
  }

  double at(double length) {
    double n = length / scale;
    return a + b * n + c * n * n;
  }

  /**
   * The smallest length above {@code from}, and at most {@code limit}, where this model (the variant)
   * becomes and stays cheaper than {@code other} (the baseline); empty when it does not.
   */
  OptionalDouble crossesBelow(CostModel other, double from, double limit) {
    // both share no scale in general: compare them on a common grid in log length, then refine
    double previous = from;
    boolean worse = at(from) >= other.at(from);
    if (!worse) {
      return OptionalDouble.empty();
    }
    int steps = 400;
    double ratio = Math.pow(limit / from, 1.0 / steps);
    for (int i = 1; i <= steps; i++) {
      double n = from * Math.pow(ratio, i);
      if (at(n) < other.at(n)) {
        double lo = previous;
        double hi = n;
        for (int k = 0; k < 60; k++) {
          double mid = Math.sqrt(lo * hi);
          if (at(mid) < other.at(mid)) {
            hi = mid;
          } else {
            lo = mid;
          }
        }
        // it must stay cheaper to the limit: a curve that dips below and rises again does not tip
        for (int j = i; j <= steps; j++) {
          double m = from * Math.pow(ratio, j);
          if (at(m) >= other.at(m)) {
            return OptionalDouble.empty();
          }
        }
        return OptionalDouble.of(hi);
      }
      previous = n;
    }
    return OptionalDouble.empty();
  }
}
