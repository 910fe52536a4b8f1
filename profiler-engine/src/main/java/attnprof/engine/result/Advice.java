package attnprof.engine.result;

/**
 * What running an efficient variant or its baseline on a dataset costs, for one quantity, mode, batch size and input:
 * from the run's measured cost at each length (interpolated in log length and log cost between measured lengths, a
 * fitted cost curve beyond them), with 95% intervals from the same bootstrap replicates as the tipping points, each
 * also moving every length of a replicate by the spread measured between processes and, for measured times, by the
 * drift between runs that no run's own forks show (on a shared machine a run minutes later reads every time of
 * both models higher or lower together; see {@link TimeDrift}): an interval of a
 * time aims at what a sweep run again later reads. Ratios of two models timed side by side, and so the savings and
 * the routing, do not drift with it.
 *
 * @param variant the efficient variant
 * @param baseline its baseline
 * @param metric the quantity
 * @param mode {@code inference}, {@code training} or {@code streaming}
 * @param batch the batch size measured at
 * @param input {@code synthetic} or the real input's name
 * @param lengthUnit the unit of lengths
 * @param costUnit the unit of a sample's cost: {@code ms} (latency per sample, or the inverse of throughput),
 *     {@code bytes}, or the quantity's own
 * @param aggregate how the dataset's costs add up: {@code total} (a sum) or {@code largest} (memory: the peak)
 * @param efficient the efficient variant's cost
 * @param vanilla the baseline's cost, named as answers name it ({@link TippingPoint#baselineLabel}: with its form
 *     when it is not the dense default)
 * @param routing the best policy of the two: the baseline below a length, the variant from it on
 * @param ratioAtMedian the efficient variant's cost over the baseline's at the dataset's median length: what the
 *     decision rests on, and unlike absolute costs, what another run on a shared machine reproduces (two models
 *     timed side by side drift together)
 * @param shareBeyondTipping the share of samples at or beyond the tipping point; NaN when there is no length to be
 *     beyond
 * @param tippingPoint the tipping point of the comparison
 * @param extrapolatedShare the share of samples outside the measured lengths, whose costs are extrapolated
 */
public record Advice(String variant, String baseline, String metric, String mode, int batch, String input,
    String lengthUnit, String costUnit, String aggregate, ModelCost efficient, ModelCost vanilla, Routing routing,
    Estimate ratioAtMedian, Estimate shareBeyondTipping, TippingPoint tippingPoint, double extrapolatedShare) {

  /** An estimate with its 95% interval (NaN ends when there is none). */
  public record Estimate(double value, double low, double high) {
    /** No estimate at all. */
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** Whether the interval of this and another overlap (or either has none). */
    public boolean overlaps(Estimate other) {
      return !(high < other.low || other.high < low);
    }
  }

  /**
   * One model's cost on the dataset.
   *
   * @param variant the model
   * @param perSample the mean cost of a sample
   * @param aggregate the dataset's cost: the sum of its samples' ({@code total}), or the largest ({@code largest})
   * @param atMedian the cost of a sample of the dataset's median length
   */
  public record ModelCost(String variant, Estimate perSample, Estimate aggregate, Estimate atMedian) {
  }

  /**
   * The baseline below {@code threshold}, the efficient variant from it on, at the threshold that costs least.
   *
   * @param threshold the first length the variant runs; NaN when the baseline alone costs least; the smallest sample's
   *     length when the variant alone does
   * @param aggregate the dataset's cost under the policy
   * @param savingVsBaseline the share of the baseline-only cost the policy saves (negative: it costs more)
   * @param savingVsVariant the share of the variant-only cost it saves
   */
  public record Routing(double threshold, Estimate aggregate, Estimate savingVsBaseline, Estimate savingVsVariant) {
  }
}
