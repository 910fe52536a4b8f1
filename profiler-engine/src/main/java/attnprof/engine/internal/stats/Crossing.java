package attnprof.engine.internal.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a variant starts to stay better than its baseline along a sweep's lengths, from its deficit at
 * each length (the log ratio variant/baseline, signed so that positive is worse; infinite where one of
 * them failed). The last length where the variant is not better and the next bracket the tipping point.
 * It is found where a quadratic in log length, fitted to the deficits of the lengths within a factor of
 * two around them, crosses zero going from worse to better: inside the bracket, or within half an
 * octave beyond an end of it where that end was within 5% of the baseline (where the ratio runs level near
 * 1, which side of 1 that length falls on is noise, and the smooth curve says more than it does). Else on
 * the straight line between the bracket's ends; at the first better length when either deficit is
 * infinite.
 */
final class Crossing {
  /** Lengths this much further out in log length than the interval's ends still shape the local fit. */
  private static final double WINDOW = 0.7;
  /** The fitted crossing may lie this far beyond the bracket's ends, in log length: half an octave. */
  private static final double REACH = 0.35;
  /** A length whose log ratio is within this of zero (5%) runs level with its baseline. */
  private static final double LEVEL = Math.log(1.05);

  private Crossing() {
  }

  /** What the deficits say. */
  enum Kind {
    /** Better at every length. */
    FROM_START,
    /** Not better at the largest length. */
    NEVER,
    /** Better from a length inside the grid on. */
    AT
  }

  /**
   * @param kind the answer
   * @param length the tipping length when {@code AT}
   * @param below the index of the last length where the variant is not better, when {@code AT}
   */
  record Outcome(Kind kind, double length, int below) {
    /** The answer as one number, for percentiles: minus infinity from the start, plus infinity never. */
    double asNumber() {
      return switch (kind) {
        case FROM_START -> Double.NEGATIVE_INFINITY;
        case NEVER -> Double.POSITIVE_INFINITY;
        case AT -> length;
      };
    }
  }

  /** @param lengths ascending */
  static Outcome find(double[] lengths, double[] deficits) {
    int last = lengths.length - 1;
    if (!(deficits[last] < 0)) {
      return new Outcome(Kind.NEVER, Double.NaN, -1);
    }
    int first = last;
    while (first > 0 && deficits[first - 1] < 0) {
      first--;
    }
    if (first == 0) {
      return new Outcome(Kind.FROM_START, Double.NaN, -1);
    }
    int below = first - 1;
    double worse = deficits[below];
    double better = deficits[first];
    if (Double.isInfinite(worse) || Double.isInfinite(better)) {
      return new Outcome(Kind.AT, lengths[first], below);
    }
    double x0 = Math.log(lengths[below]);
    double x1 = Math.log(lengths[first]);
    // the fit may cross beyond an end of the bracket only where that end was within 5% of the baseline
    double reachBelow = Math.abs(worse) < LEVEL ? REACH : 0;
    double reachAbove = Math.abs(better) < LEVEL ? REACH : 0;
    double root = quadraticRoot(lengths, deficits, x0, x1, reachBelow, reachAbove);
    if (Double.isNaN(root)) {
      root = x0 + (x1 - x0) * worse / (worse - better);
    }
    return new Outcome(Kind.AT, Math.exp(root), below);
  }

  /** The one root in [x0, x1] of a least-squares quadratic through the finite deficits near them; NaN if none. */
  private static double quadraticRoot(double[] lengths, double[] deficits, double x0, double x1, double reachBelow,
      double reachAbove) {
    List<double[]> near = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      double x = Math.log(lengths[i]);
      if (Double.isFinite(deficits[i]) && x >= x0 - WINDOW && x <= x1 + WINDOW) {
        near.add(new double[] {x, deficits[i]});
      }
    }
    if (near.size() < 3) {
      return Double.NaN;
    }
    double center = (x0 + x1) / 2;
    double[] coefficients = LeastSquares.fit(near.size(), i -> {
      double x = near.get(i)[0] - center;
      return new double[] {1, x, x * x};
    }, i -> near.get(i)[1], i -> 1);
    if (coefficients == null) {
      return Double.NaN;
    }
    double c = coefficients[0];
    double b = coefficients[1];
    double a = coefficients[2];
    double lo = x0 - center;
    double hi = x1 - center;
    List<Double> roots = new ArrayList<>();
    if (Math.abs(a) < 1e-12) {
      if (Math.abs(b) > 1e-12) {
        roots.add(-c / b);
      }
    } else {
      double discriminant = b * b - 4 * a * c;
      if (discriminant >= 0) {
        double sqrt = Math.sqrt(discriminant);
        roots.add((-b - sqrt) / (2 * a));
        roots.add((-b + sqrt) / (2 * a));
      }
    }
    double reachLo = lo - reachBelow;
    double reachHi = hi + reachAbove;
    // the crossing from worse to better: where the fitted deficit falls through zero
    List<Double> falling = roots.stream().filter(r -> r >= reachLo && r <= reachHi)
        .filter(r -> b + 2 * a * r < 0).toList();
    if (falling.size() != 1) {
      return Double.NaN;
    }
    return falling.get(0) + center;
  }
}
