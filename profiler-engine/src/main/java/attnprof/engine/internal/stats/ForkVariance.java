package attnprof.engine.internal.stats;

import java.util.Collection;

/**
 * How much more two forks' log ratios variant/baseline differ than resampling their runs explains: the
 * variance forks add (a process' memory layout, thread placement, and the machine's state, which
 * drifts over minutes), pooled over the cells of a quantity and mode that have two or more paired
 * forks: each cell's variance across forks, less the part its runs explain, averaged (weighed by how
 * much each cell tells) and kept at zero or above. Forks taken back to back share the machine's state; when cells with forks taken at least
 * {@link #APART} apart give {@link #APART_DEGREES} degrees of freedom or more, only those count, since a sweep
 * run again later sees another state (fewer cannot tell a drift from chance, and would widen every interval by
 * the t quantile of one or two degrees of freedom). Cells with one fork borrow the variance. Each cell's forks
 * less one are the degrees of freedom of the estimate ({@link EstimatedVariance}), so that the few forks it rests
 * on widen the intervals that use it. Measured times start from a prior: their forks differ by about
 * {@link #PRIOR_TIME_SPREAD} (the fork-to-fork spread of tiny BERT against Longformer's log ratio on this project's
 * shared 2-core machine was 3.1% over six pairs of forks), worth {@link #PRIOR_DEGREES} degrees of freedom, so that
 * a one-length sweep's two forks neither claim a 12.7-sigma interval nor, agreeing by chance, a zero spread.
 */
final class ForkVariance {
  private static final int REPLICATES = 200;
  /** Forks at least this far apart in time show the machine's drift. */
  static final long APART = 30_000;
  /** The fewest degrees of freedom the forks taken apart must give to be counted alone. */
  static final int APART_DEGREES = 3;

  /** The spread in log between two processes' timings the prior starts from. */
  static final double PRIOR_TIME_SPREAD = 0.02;
  /** What the prior is worth, in degrees of freedom. */
  static final int PRIOR_DEGREES = 2;

  private ForkVariance() {
  }

  /**
   * The variance forks add to the cells' log ratios.
   *
   * @param timed whether the quantity is a measured time (latency, throughput), whose forks start from the prior
   */
  static EstimatedVariance of(Collection<PairedCell> cells, Resampler random, boolean timed) {
    EstimatedVariance measured = of(cells, random);
    return timed ? measured.withPrior(PRIOR_TIME_SPREAD * PRIOR_TIME_SPREAD, PRIOR_DEGREES) : measured;
  }

  private static EstimatedVariance of(Collection<PairedCell> cells, Resampler random) {
    java.util.List<PairedCell> apart = cells.stream().filter(c -> c.pairedLogRatios().length >= 2)
        .filter(c -> c.pairedSpanMillis() >= APART).toList();
    int degrees = apart.stream().mapToInt(c -> c.pairedLogRatios().length - 1).sum();
    return pooled(degrees >= APART_DEGREES ? apart : cells, random);
  }

  /**
   * Each cell's variances weighed by how well they tell the forks' own: by their degrees of freedom over the square
   * of what the cell's runs explain (the variance of a variance estimate grows with the square of the variance), so
   * that a cell of a long length measured in a few slow runs, whose within-fork variance is large and whose two
   * forks agree or not by chance, does not decide for the cells measured in hundreds of runs.
   */
  private static EstimatedVariance pooled(Collection<PairedCell> cells, Resampler random) {
    double observed = 0;
    double explained = 0;
    double weights = 0;
    int degreesOfFreedom = 0;
    for (PairedCell cell : cells) {
      double[] ratios = cell.pairedLogRatios();
      if (ratios.length < 2) {
        continue;
      }
      double within = cell.withinForkVariance(random, REPLICATES);
      double scale = within + PRIOR_TIME_SPREAD * PRIOR_TIME_SPREAD;
      double weight = (ratios.length - 1) / (scale * scale);
      observed += weight * Stats.variance(ratios);
      explained += weight * within;
      weights += weight;
      degreesOfFreedom += ratios.length - 1;
    }
    return weights == 0 ? EstimatedVariance.NONE
        : new EstimatedVariance(observed / weights, explained / weights, degreesOfFreedom);
  }
}
