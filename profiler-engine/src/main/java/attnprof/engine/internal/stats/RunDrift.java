package attnprof.engine.internal.stats;

import java.util.List;

/**
 * How far a model's measured time moves between runs beyond what one run's forks show. A run's forks are taken
 * back to back and share the machine's state; another run minutes later meets another one (a shared machine's
 * neighbours, its clock, its caches), which moves every length and both models of a run together, so that ratios
 * keep and absolute times do not. No run can measure this of itself. It starts from a prior measured on this
 * project's shared 2-core VM on 2026-12-06 with twelve sweeps of tiny BERT and Longformer at 286 tokens, two forks
 * each, 20 seconds apart: one sweep's two forks differed by 19% (the standard deviation of the log of their
 * medians), the sweeps' means by 20% where their forks alone would give 13.5%: the sweeps add {@link #PRIOR_SPREAD}
 * (the root of 0.20 squared less 0.135 squared). On one machine on one day, the prior is worth
 * {@link #PRIOR_DEGREES} degrees of freedom; points measured again in later runs on the machine at hand update it
 * (each point's runs less one add as many degrees), so that a quiet machine's narrow spread, or a busier one's
 * wide one, soon decides.
 */
public final class RunDrift {
  /** The spread, in log, a run's level moves by beyond its forks'. */
  public static final double PRIOR_SPREAD = 0.15;
  /** What the prior is worth, in degrees of freedom. */
  static final int PRIOR_DEGREES = 4;

  /** The prior alone, for a machine with no point measured twice. */
  static final RunDrift PRIOR = new RunDrift(new EstimatedVariance(PRIOR_SPREAD * PRIOR_SPREAD, 0, PRIOR_DEGREES), 0);

  private final EstimatedVariance variance;
  private final int repeatedPoints;

  private RunDrift(EstimatedVariance variance, int repeatedPoints) {
    this.variance = variance;
    this.repeatedPoints = repeatedPoints;
  }

  /**
   * The drift of a machine whose results database holds these points measured in two or more runs: each element one
   * point's readings of one time, a run's an element. Each point's run levels (the mean log of their forks'
   * medians) vary by the drift and by what their forks' own spread explains; that part is taken off.
   */
  public static RunDrift of(List<List<Samples>> repeats) {
    double observed = 0;
    double explained = 0;
    int degrees = 0;
    int points = 0;
    for (List<Samples> runs : repeats) {
      if (runs.size() < 2) {
        continue;
      }
      double[] levels = runs.stream().mapToDouble(Samples::logEstimate).toArray();
      double forks = 0;
      for (Samples run : runs) {
        forks += run.forkLogVariance() / Math.max(1, run.forks().size());
      }
      observed += Stats.variance(levels) * (runs.size() - 1);
      explained += forks / runs.size() * (runs.size() - 1);
      degrees += runs.size() - 1;
      points++;
    }
    if (degrees == 0) {
      return PRIOR;
    }
    double forks = explained / degrees;
    EstimatedVariance measured = new EstimatedVariance(observed / degrees, forks, degrees);
    // the prior is of the drift alone: on the scale of what was observed, the forks' part comes on top
    return new RunDrift(measured.withPrior(PRIOR_SPREAD * PRIOR_SPREAD + forks, PRIOR_DEGREES), points);
  }

  /** The variance between runs the estimate allows, drawn as {@link EstimatedVariance#draw} does. */
  double draw(Resampler random) {
    return variance.draw(random);
  }

  /** The estimate's spread, in log. */
  public double spread() {
    return Math.sqrt(variance.value());
  }

  /** How many points measured in two or more runs it rests on besides the prior. */
  public int repeatedPoints() {
    return repeatedPoints;
  }
}
