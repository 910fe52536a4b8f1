package attnprof.engine.internal.stats;

import java.util.Collection;

/**
 * How much more two forks' log ratios variant/baseline differ than resampling their runs explains: the
 * variance forks add (a process' memory layout, thread placement, clock), pooled over every cell of a
 * quantity and mode that has two or more paired forks: each cell's variance across forks, less the part its
 * runs explain, averaged and kept at zero or above. Cells with one fork borrow it.
 */
final class ForkVariance {
  private static final int REPLICATES = 200;

  private ForkVariance() {
  }

  static double of(Collection<PairedCell> cells, Resampler random) {
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
