package attnprof.engine.internal.stats;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Unit;
import attnprof.engine.result.Advice;
import attnprof.engine.result.Advice.Estimate;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.result.TippingPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Costs one comparison's two models on a dataset (see {@link Advice}): each replicate of the bootstrap that gives the
 * tipping point's interval gives the models' costs at every measured length, shifted together by one draw of the
 * spread between processes and, for measured times, of the drift between runs ({@link RunDrift}); their cost
 * curves give every sample's cost. Both spreads between processes, of the ratio and of the level, are drawn with
 * the uncertainty of their estimates ({@link EstimatedVariance}), so that the interval of a cost aims at where a
 * sweep run again later falls, not only at the resampling of this one's runs.
 */
final class Advisor {
  private final Comparisons.Key key;
  private final List<Comparisons.Cell> measured;
  private final double[] lengths;
  private final double sign;
  private final double factor;
  private final String costUnit;
  private final boolean largest;
  private final boolean time;
  private final LengthDistribution data;
  private final double[] samples;
  private final double[] weights;
  private final double median;
  private final boolean extrapolates;

  private Advisor(Comparisons.Key key, List<Comparisons.Cell> measured, LengthDistribution data) {
    this.key = key;
    this.measured = measured;
    this.lengths = measured.stream().mapToDouble(Comparisons.Cell::length).toArray();
    var quantity = measured.get(0).variant().quantity();
    this.sign = quantity.direction() == Direction.HIGHER_IS_BETTER ? -1 : 1;
    Unit unit = quantity.unit();
    boolean time = Comparisons.timeQuantity(measured.get(0).variant());
    // a step's latency is shared by its batch; a throughput's inverse is seconds per input
    this.factor = unit.equals(Unit.MILLISECONDS) ? 1.0 / key.batch() : unit.equals(Unit.INPUTS_PER_SECOND) ? 1000 : 1;
    this.costUnit = time ? "ms" : sign < 0 ? "1/" + unit.symbol() : unit.symbol();
    this.largest = unit.equals(Unit.BYTES);
    this.time = time;
    this.data = data;
    this.samples = data.lengths().stream().mapToDouble(Double::doubleValue).toArray();
    this.weights = data.weights().stream().mapToDouble(Double::doubleValue).toArray();
    // sorted once here, not in each of the replicates
    this.median = data.median();
    boolean outside = false;
    for (double length : samples) {
      outside |= length < lengths[0] || length > lengths[lengths.length - 1];
    }
    this.extrapolates = outside;
  }

  /** The advice of a comparison, or empty when fewer than two lengths have both models measured. */
  static Optional<Advice> advise(Comparisons.Key key, List<Comparisons.Cell> cells, TippingPoint tipping,
      EstimatedVariance forkVariance, RunDrift drift, Comparisons.Settings settings, LengthDistribution data) {
    List<Comparisons.Cell> measured = cells.stream().filter(Comparisons.Cell::bothOk).toList();
    if (measured.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new Advisor(key, measured, data).advice(tipping, forkVariance, drift, settings));
  }

  private Advice advice(TippingPoint tipping, EstimatedVariance forkVariance, RunDrift drift,
      Comparisons.Settings settings) {
    int n = measured.size();
    double[][] estimate = new double[2][n];
    for (int i = 0; i < n; i++) {
      double[] logs = measured.get(i).paired().estimate();
      estimate[0][i] = logs[0];
      estimate[1][i] = logs[1];
    }
    Costs best = costs(estimate, 0);
    double threshold = cheapestThreshold(best);
    int replicates = settings.replicates();
    double[][] figures = new double[Costs.FIGURES][replicates];
    Resampler random = new Resampler(settings.seed());
    EstimatedVariance level = levelVariance();
    double[][] drawn = new double[2][n];
    for (int r = 0; r < replicates; r++) {
      // this run's level and another run's each move by the drift between runs
      double shift = random.normal() * Math.sqrt(level.draw(random) + (time ? 2 * drift.draw(random) : 0));
      double ratioVariance = forkVariance.draw(random);
      for (int i = 0; i < n; i++) {
        double[] logs = measured.get(i).paired().replicate(random, ratioVariance);
        drawn[0][i] = logs[0];
        drawn[1][i] = logs[1];
      }
      Costs replicate = costs(drawn, shift);
      double[] values = replicate.figures(threshold);
      for (int f = 0; f < values.length; f++) {
        figures[f][r] = values[f];
      }
    }
    // each figure is the median of its replicates, within its interval: the same model's cost then reads alike in
    // every comparison it is the baseline of, up to resampling
    Estimate[] estimates = new Estimate[figures.length];
    for (int f = 0; f < figures.length; f++) {
      estimates[f] = new Estimate(Stats.median(figures[f]), Stats.quantile(figures[f], 0.025),
          Stats.quantile(figures[f], 0.975));
    }
    String lengthUnit = measured.get(0).variant().lengthUnit();
    return new Advice(key.variant(), key.baseline(), key.metric(), key.mode(), key.batch(), key.input(), lengthUnit,
        costUnit, largest ? "largest" : "total",
        new Advice.ModelCost(key.variant(), estimates[0], estimates[1], estimates[2]),
        new Advice.ModelCost(tipping.baselineLabel(), estimates[3], estimates[4], estimates[5]),
        new Advice.Routing(threshold, estimates[6], estimates[7], estimates[8]), estimates[9], shareBeyond(tipping),
        tipping, data.share(length -> length < lengths[0] || length > lengths[lengths.length - 1]));
  }

  /** Both models' cost at every sample, from log values at the measured lengths moved by {@code shift}. */
  private Costs costs(double[][] logValues, double shift) {
    double[][] perSample = new double[2][samples.length];
    double[] atMedian = new double[2];
    for (int side = 0; side < 2; side++) {
      double[] logCosts = new double[lengths.length];
      for (int i = 0; i < lengths.length; i++) {
        logCosts[i] = sign * (logValues[side][i] + shift) + Math.log(factor);
      }
      CostCurve curve = new CostCurve(lengths, logCosts, extrapolates);
      for (int s = 0; s < samples.length; s++) {
        perSample[side][s] = curve.at(samples[s]);
      }
      atMedian[side] = curve.at(median);
    }
    return new Costs(perSample, atMedian);
  }

  /** The first length the variant runs at under the cheapest routing; NaN when the baseline alone is cheapest. */
  private double cheapestThreshold(Costs costs) {
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < samples.length; s++) {
      order.add(s);
    }
    order.sort(Comparator.comparingDouble(s -> samples[s]));
    double cheapest = costs.routed(Double.NaN);
    double threshold = Double.NaN;
    for (int k = order.size() - 1; k >= 0; k--) {
      if (k > 0 && samples[order.get(k - 1)] == samples[order.get(k)]) {
        continue;
      }
      double candidate = samples[order.get(k)];
      double cost = costs.routed(candidate);
      if (cost < cheapest * (1 - 1e-12)) {
        cheapest = cost;
        threshold = candidate;
      }
    }
    return threshold;
  }

  /** The share of samples at or beyond the tipping point, with the shares at the ends of its interval. */
  private Estimate shareBeyond(TippingPoint tipping) {
    double last = lengths[lengths.length - 1];
    return switch (tipping.verdict()) {
      case FROM_START -> new Estimate(1, 1, 1);
      case AT -> TippingPoint.GRID.equals(tipping.method())
          ? new Estimate(data.share(l -> l >= tipping.length()), Double.NaN, Double.NaN)
          : new Estimate(data.share(l -> l >= tipping.length()),
              data.share(l -> l >= (Double.isFinite(tipping.ciHigh()) ? tipping.ciHigh() : last)),
              data.share(l -> l >= (Double.isFinite(tipping.ciLow()) ? tipping.ciLow() : lengths[0])));
      default -> Estimate.NONE;
    };
  }

  /**
   * The variance between processes of a model's level, in log: the baseline's fork medians where it had two or more
   * forks, pooled, on as many degrees of freedom as those forks less one per length; none when it never had. It is
   * one process' variance, not that of the mean of a length's forks: an estimate from k forks set against another
   * sweep's from k forks differs by twice the variance of each, which for two forks is one process' variance.
   */
  private EstimatedVariance levelVariance() {
    List<Double> variances = new ArrayList<>();
    int degreesOfFreedom = 0;
    for (Comparisons.Cell cell : measured) {
      List<Samples.Fork> forks = cell.baselineSamples().forks();
      if (forks.size() >= 2) {
        variances.add(cell.baselineSamples().forkLogVariance());
        degreesOfFreedom += forks.size() - 1;
      }
    }
    return variances.isEmpty() ? EstimatedVariance.NONE
        : new EstimatedVariance(variances.stream().mapToDouble(Double::doubleValue).average().orElse(0), 0,
            degreesOfFreedom);
  }

  /** Both models' cost at each sample ([0] the variant, [1] the baseline) and at the median length. */
  private final class Costs {
    /** How many figures {@link #figures} gives. */
    static final int FIGURES = 10;
    private final double[][] perSample;
    private final double[] atMedian;

    Costs(double[][] perSample, double[] atMedian) {
      this.perSample = perSample;
      this.atMedian = atMedian;
    }

    /** The dataset's cost with the variant from {@code threshold} on (NaN: the baseline alone). */
    double routed(double threshold) {
      double aggregate = 0;
      for (int s = 0; s < samples.length; s++) {
        int side = !Double.isNaN(threshold) && samples[s] >= threshold ? 0 : 1;
        aggregate = add(aggregate, perSample[side][s], weights[s]);
      }
      return aggregate;
    }

    private double alone(int side) {
      double aggregate = 0;
      for (int s = 0; s < samples.length; s++) {
        aggregate = add(aggregate, perSample[side][s], weights[s]);
      }
      return aggregate;
    }

    private double add(double aggregate, double cost, double weight) {
      return largest ? (weight > 0 ? Math.max(aggregate, cost) : aggregate) : aggregate + cost * weight;
    }

    private double mean(int side) {
      double sum = 0;
      for (int s = 0; s < samples.length; s++) {
        sum += perSample[side][s] * weights[s];
      }
      return sum / data.count();
    }

    /**
     * Variant per sample, aggregate, at the median; the baseline's three; the routing's aggregate and its savings
     * against the baseline and the variant alone; the variant's cost over the baseline's at the median.
     */
    double[] figures(double threshold) {
      double variant = alone(0);
      double baseline = alone(1);
      double routed = routed(threshold);
      return new double[] {mean(0), variant, atMedian[0], mean(1), baseline, atMedian[1], routed,
          1 - routed / baseline, 1 - routed / variant, atMedian[0] / atMedian[1]};
    }
  }
}
