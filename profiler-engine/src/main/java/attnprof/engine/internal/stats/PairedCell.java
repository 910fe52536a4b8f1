package attnprof.engine.internal.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A variant and its baseline at one length, for one quantity: the log of each one's estimate and
 * bootstrap replicates of both. In a fork that measured both side by side (the same process), run
 * {@code i} of each was taken in round {@code i}: the fork's log ratio is the median over rounds of
 * the round's log ratio, so what hit both in a round (drift, a noisy neighbour) cancels, and rounds
 * are resampled as pairs. Forks that measured only one of them are resampled alone, and the ratio is
 * then that of their medians. Replicates draw the runs within each fork and add a fork-level deviation
 * of the variance estimated across all cells ({@link ForkVariance}): with two or three forks,
 * resampling the forks themselves would understate how much forks differ.
 */
final class PairedCell {
  private final Samples variant;
  private final Samples baseline;
  private final List<double[][]> pairs = new ArrayList<>();
  private final List<Long> pairTimes = new ArrayList<>();
  private final List<double[]> variantAlone = new ArrayList<>();
  private final List<double[]> baselineAlone = new ArrayList<>();

  PairedCell(Samples variant, Samples baseline) {
    this.variant = variant;
    this.baseline = baseline;
    List<Samples.Fork> unmatched = new ArrayList<>(baseline.forks());
    for (Samples.Fork fork : variant.forks()) {
      Samples.Fork partner = unmatched.stream().filter(b -> b.process().equals(fork.process())).findFirst().orElse(null);
      if (partner != null) {
        unmatched.remove(partner);
        int n = Math.min(fork.runs().length, partner.runs().length);
        pairs.add(new double[][] {logs(Arrays.copyOf(fork.runs(), n)), logs(Arrays.copyOf(partner.runs(), n))});
        pairTimes.add(fork.time());
      } else {
        variantAlone.add(fork.runs());
      }
    }
    unmatched.forEach(b -> baselineAlone.add(b.runs()));
  }

  private static double[] logs(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(values[i]);
    }
    return logs;
  }

  /** {log variant estimate, log baseline estimate}: the baseline's, and the baseline's plus the log ratio. */
  double[] estimate() {
    if (variant.summaryOnly() || baseline.summaryOnly() || pairs.isEmpty()) {
      return new double[] {variant.logEstimate(), baseline.logEstimate()};
    }
    double logBaseline = baseline.logEstimate();
    return new double[] {logBaseline + Stats.mean(pairedLogRatios()), logBaseline};
  }

  /** The log ratio of each paired fork: the median over its rounds of the rounds' log ratios. */
  double[] pairedLogRatios() {
    double[] ratios = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      ratios[i] = pairedRatio(pairs.get(i), null);
    }
    return ratios;
  }

  /** How far apart in time its paired forks came in, in milliseconds: 0 with fewer than two or unknown times. */
  long pairedSpanMillis() {
    if (pairTimes.size() < 2 || pairTimes.contains(0L)) {
      return 0;
    }
    return java.util.Collections.max(pairTimes) - java.util.Collections.min(pairTimes);
  }

  /** How much one paired fork's log ratio varies from resampling its rounds: the within-fork variance. */
  double withinForkVariance(Resampler random, int replicates) {
    if (pairs.isEmpty()) {
      return 0;
    }
    double total = 0;
    for (double[][] pair : pairs) {
      double[] ratios = new double[replicates];
      for (int r = 0; r < replicates; r++) {
        ratios[r] = pairedRatio(pair, draw(pair[0].length, random));
      }
      total += Stats.variance(ratios);
    }
    return total / pairs.size();
  }

  /**
   * One bootstrap replicate of {log variant, log baseline}: the rounds of each paired fork drawn once
   * for both, the runs of other forks drawn alone, and a fork-level deviation of the ratio of variance
   * {@code forkVariance} over the number of forks.
   */
  double[] replicate(Resampler random, double forkVariance) {
    if (variant.summaryOnly() || baseline.summaryOnly()) {
      return new double[] {side(variant, random), side(baseline, random)};
    }
    double baselineSum = 0;
    double ratioSum = 0;
    for (double[][] pair : pairs) {
      int[] rounds = draw(pair[0].length, random);
      baselineSum += Stats.median(pick(pair[1], rounds));
      ratioSum += pairedRatio(pair, rounds);
    }
    for (double[] runs : baselineAlone) {
      baselineSum += Math.log(Stats.median(pick(runs, draw(runs.length, random))));
    }
    double logBaseline = baselineSum / (pairs.size() + baselineAlone.size());
    double logRatio;
    int forks;
    if (!pairs.isEmpty()) {
      logRatio = ratioSum / pairs.size();
      forks = pairs.size();
    } else {
      double variantSum = 0;
      for (double[] runs : variantAlone) {
        variantSum += Math.log(Stats.median(pick(runs, draw(runs.length, random))));
      }
      logRatio = variantSum / variantAlone.size() - logBaseline;
      forks = Math.max(1, Math.min(variantAlone.size(), baselineAlone.size()));
    }
    logRatio += random.normal() * Math.sqrt(forkVariance / forks);
    return new double[] {logBaseline + logRatio, logBaseline};
  }

  /** The median over the given rounds (all when null) of the rounds' log ratios. */
  private static double pairedRatio(double[][] pair, int[] rounds) {
    int n = rounds == null ? pair[0].length : rounds.length;
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      int k = rounds == null ? i : rounds[i];
      ratios[i] = pair[0][k] - pair[1][k];
    }
    return Stats.median(ratios);
  }

  private static double side(Samples samples, Resampler random) {
    if (samples.summaryOnly()) {
      return samples.logEstimate() + random.normal() * samples.logStandardError();
    }
    double sum = 0;
    for (Samples.Fork fork : samples.forks()) {
      sum += Math.log(Stats.median(pick(fork.runs(), draw(fork.runs().length, random))));
    }
    return sum / samples.forks().size();
  }

  private static int[] draw(int n, Resampler random) {
    int[] drawn = new int[n];
    for (int i = 0; i < n; i++) {
      drawn[i] = random.index(n);
    }
    return drawn;
  }

  private static double[] pick(double[] values, int[] indices) {
    double[] picked = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return picked;
  }
}
