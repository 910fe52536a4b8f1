package attnprof.engine.internal.stats;

import java.util.Collection;

/**
 * How much more two forks' log ratios variant/baseline differ than resampling their runs explains: the
 * variance forks add (a process' memory layout, thread placement, and the machine's state, which
 * drifts over minutes), pooled over the cells of a quantity and mode that have two or more paired
 * forks: each cell's variance across forks, less the part its runs explain, averaged and kept at zero
 * or above. Forks taken back to back share the machine's state; when some cells have forks taken at
 * least {@link #APART} apart, only those count, since a sweep run again later sees another state.
 * Cells with one fork borrow the variance.
 */
final class ForkVariance {
  private static final int REPLICATES = 200;
  /** Forks at least this far apart in time show the machine's drift. */
  static final long APART = 30_000;

  private ForkVariance() {
  }

  static double of(Collection<PairedCell> cells, Resampler random) {
    java.util.List<PairedCell> apart = cells.stream().filter(c -> c.pairedLogRatios().length >= 2)
        .filter(c -> c.pairedSpanMillis() >= APART).toList();
    return pooled(apart.isEmpty() ? cells : apart, random);
  }

  private static double pooled(Collection<PairedCell> cells, Resampler random) {
    double sum = 0;
    int count = 0;
    for (PairedCell cell : cells) {
      double[] ratios = cell.pairedLogRatios();
      if (ratios.length < 2) {
        continue;
      }
      sum += Stats.variance(ratios) - cell.withinForkVariance(random, REPLICATES);
      count++;
    }
    return count == 0 ? 0 : Math.max(0, sum / count);
  }
}
