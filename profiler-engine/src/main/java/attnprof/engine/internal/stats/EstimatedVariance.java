package attnprof.engine.internal.stats;

/**
 * A variance between processes estimated from a few of them, with the degrees of freedom the estimate rests on
 * (the forks of each cell less one, summed over the cells pooled). Two forks give one degree of freedom: a
 * variance read off them can be several times too small, and an interval that used it as if it were known would
 * be too narrow by as much. Each bootstrap replicate therefore draws the variance the estimate allows: the variance
 * observed across forks from the scaled inverse chi-square distribution {@code observed * df / chi2(df)}, less
 * the part that resampling each fork's runs already explains (well known: it rests on many runs), kept at zero or
 * above. With nothing explained, a normal deviate scaled by the root of a draw follows Student's t with {@code df}
 * degrees of freedom, so intervals widen as the t quantiles do (12.7 deviations at one degree of freedom, 2.8 at
 * four, 2.0 at sixty).
 *
 * @param observed the variance observed across forks, pooled, zero or more
 * @param explained the part of it resampling the runs within each fork accounts for, zero or more
 * @param degreesOfFreedom how many independent differences {@code observed} rests on; 0 when there were none
 */
record EstimatedVariance(double observed, double explained, int degreesOfFreedom) {
  /** No variance, estimated from nothing. */
  static final EstimatedVariance NONE = new EstimatedVariance(0, 0, 0);

  EstimatedVariance {
    if (!(observed >= 0) || !(explained >= 0) || degreesOfFreedom < 0) {
      throw new IllegalArgumentException("a variance of " + observed + " less " + explained + " on "
          + degreesOfFreedom + " degrees of freedom");
    }
  }

  /**
   * This estimate pooled with a prior belief worth {@code degrees} degrees of freedom that the variance observed
   * across forks is {@code variance} (the conjugate update of a scaled inverse chi-square): with one or two
   * degrees of freedom of its own, the prior keeps two forks that happened to agree, or to differ, from deciding
   * the width alone; with many, the forks' own variance decides.
   */
  EstimatedVariance withPrior(double variance, int degrees) {
    if (degrees == 0) {
      return this;
    }
    int total = degreesOfFreedom + degrees;
    return new EstimatedVariance((observed * degreesOfFreedom + variance * degrees) / total, explained, total);
  }

  /** The estimate: what forks add beyond what their runs explain, zero or more. */
  double value() {
    return Math.max(0, observed - explained);
  }

  /** One draw of the variance the estimate allows; the estimate itself when it rests on nothing. */
  double draw(Resampler random) {
    if (observed == 0 || degreesOfFreedom == 0) {
      return value();
    }
    double chiSquare = 0;
    for (int i = 0; i < degreesOfFreedom; i++) {
      double z = random.normal();
      chiSquare += z * z;
    }
    return Math.max(0, observed * degreesOfFreedom / Math.max(chiSquare, Double.MIN_NORMAL) - explained);
  }

  /** {@code count} draws, one per bootstrap replicate. */
  double[] draws(int count, Resampler random) {
    double[] draws = new double[count];
    for (int i = 0; i < count; i++) {
      draws[i] = draw(random);
    }
    return draws;
  }
}
