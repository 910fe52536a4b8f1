package attnprof.engine.result;

/**
 * Where an efficient variant starts to pay off against its baseline, for one quantity and mode, with
 * a 95% confidence interval from resampling the measurements.
 *
 * @param variant the efficient variant
 * @param baseline its vanilla baseline
 * @param metric the quantity compared
 * @param mode {@code inference} or {@code training}
 * @param batch the batch size compared at
 * @param input {@code synthetic} or the real input's name
 * @param verdict what the comparison found
 * @param length the length from which the variant stays better ({@link Verdict#AT}); for
 *     {@link Verdict#NEVER_IN_RANGE} with {@code method} {@code extrapolated}, the length where the
 *     fitted cost curves predict it; NaN otherwise
 * @param lengthUnit the unit of lengths
 * @param detail what the per-length verdicts say, run by run ({@code worse at 128–256, indistinguishable at 362,
 *     better from 512 tokens on}), which side's point failed where, and for an extrapolation how the curves fit
 * @param ciLow the lower end of the 95% interval of {@code length}; NaN when the interval reaches below
 *     the lengths measured (or there is no length)
 * @param ciHigh its upper end; NaN when the interval reaches above the lengths measured
 * @param method how the length was found: {@code interpolated} between grid lengths, {@code bisected}
 *     between lengths added to narrow it down, {@code extrapolated} from fitted cost curves beyond the
 *     grid (never measured), or {@code grid} for answers read off the grid (from the start, never)
 * @param indistinguishable the lengths where the variant and its baseline could not be told apart
 *     (the ratio's interval reaches into 1 plus or minus the noise threshold), such as {@code 256-362};
 *     empty when none
 * @param baselineForm how the baseline was computed where it differs from the dense default, such as {@code chunked
 *     attention (256 x 4096)} ({@link BaselineForm}); empty for the dense baseline
 */
public record TippingPoint(String variant, String baseline, String metric, String mode, int batch, String input,
    Verdict verdict, double length, String lengthUnit, String detail, double ciLow, double ciHigh, String method,
    String indistinguishable, String baselineForm) {

  public TippingPoint {
    baselineForm = java.util.Objects.requireNonNullElse(baselineForm, "");
  }

  /** The baseline as answers name it: its id, with its form when it is not the dense default. */
  public String baselineLabel() {
    return BaselineForm.label(baseline, baselineForm);
  }

  /** How the length was found. */
  public static final String INTERPOLATED = "interpolated";
  public static final String BISECTED = "bisected";
  public static final String EXTRAPOLATED = "extrapolated";
  public static final String GRID = "grid";

  /** The kinds of answer. */
  public enum Verdict {
    /** The variant is better from this length on, to the end of the grid. */
    AT,
    /** The variant is better at every length of the grid. */
    FROM_START,
    /** The variant is not better at the largest length of the grid. */
    NEVER_IN_RANGE,
    /**
     * The variant and its baseline could not be told apart at the largest length (and the lengths before it back to
     * {@code indistinguishable}'s last range): no length is claimed, whatever the point estimates say.
     */
    INDISTINGUISHABLE,
    /** No length had results for both. */
    NO_DATA
  }

  /**
   * The answer as people read it: {@code 812 tokens}, {@code from the start}, {@code never in range},
   * {@code never in range; predicted at about 5200 tokens (extrapolated)}.
   */
  public String answer() {
    return switch (verdict) {
      case AT -> Lengths.format(length, lengthUnit);
      case FROM_START -> "from the start";
      case NEVER_IN_RANGE -> EXTRAPOLATED.equals(method) && Double.isFinite(length)
          ? "never in range; predicted at about " + Lengths.format(length, lengthUnit) + " (extrapolated)"
          : "never in range";
      case INDISTINGUISHABLE -> "indistinguishable" + lastRange();
      case NO_DATA -> "no data";
    };
  }

  /**
   * The answer in one sentence, as the sweep's last lines and the report's first paragraph state it: {@code In
   * inference, text/longformer is faster than text/bert from about 724 tokens (95%: 681–842); no difference can be
   * told apart at 724 tokens.}
   */
  public String sentence() {
    String better = betterWord();
    String baseline = baselineLabel();
    String claim = switch (verdict) {
      case AT -> variant + " is " + better + " than " + baseline + (GRID.equals(method) ? " from " : " from about ")
          + answerWithInterval() + " on";
      case FROM_START -> variant + " is " + better + " than " + baseline + " at every length measured";
      case NEVER_IN_RANGE -> variant + " is not " + better + " than " + baseline + " at the largest length measured"
          + (EXTRAPOLATED.equals(method) && Double.isFinite(length) ? "; fitted cost curves predict it from about "
              + Lengths.format(length, lengthUnit) + " (extrapolated, never measured)" : "");
      case INDISTINGUISHABLE -> "no difference between " + variant + " and " + baseline + " in " + metric
          + " can be told apart" + lastRange();
      case NO_DATA -> variant + " and " + baseline + " have no length with results for both in " + metric;
    };
    boolean noted = verdict == Verdict.AT || verdict == Verdict.FROM_START || verdict == Verdict.NEVER_IN_RANGE;
    String where = "In " + mode + (batch == 1 ? "" : " at batch " + batch)
        + (input.equals("synthetic") ? "" : " on " + input) + ", ";
    return where + claim + (noted && !indistinguishable.isEmpty()
        ? "; no difference can be told apart at " + indistinguishable : "") + ".";
  }

  /** What better means for the quantity: {@code faster}, {@code higher in throughput}, {@code lighter on memory}, ... */
  private String betterWord() {
    if (metric.startsWith("latency") || metric.equals("real_time_factor")) {
      return "faster";
    }
    if (metric.startsWith("throughput")) {
      return "higher in throughput";
    }
    if (metric.contains("memory")) {
      return "lighter on memory";
    }
    if (metric.startsWith("flops")) {
      return "cheaper in FLOPs";
    }
    return "better in " + metric;
  }

  /** The last range of lengths where the two were indistinguishable: {@code  over 1–2 seconds}, {@code  at 2048 tokens}. */
  private String lastRange() {
    if (indistinguishable.isEmpty()) {
      return "";
    }
    String range = indistinguishable.substring(indistinguishable.lastIndexOf(", ") + 1).strip();
    return (range.contains("\u2013") ? " over " : " at ") + range;
  }

  /**
   * The 95% interval as people read it: {@code 95%: 1210-1490}, {@code 95%: below 160} when it reaches
   * below the lengths measured; empty when the answer has no interval.
   */
  public String interval() {
    boolean low = Double.isFinite(ciLow);
    boolean high = Double.isFinite(ciHigh);
    if (!low && !high) {
      return "";
    }
    if (low && high) {
      return "95%: " + Lengths.number(ciLow, lengthUnit) + "\u2013" + Lengths.number(ciHigh, lengthUnit);
    }
    return low ? "95%: from " + Lengths.number(ciLow, lengthUnit) + " up" : "95%: up to " + Lengths.number(ciHigh, lengthUnit);
  }

  /** The answer with its interval: {@code 1363 tokens (95%: 1210-1490)}. */
  public String answerWithInterval() {
    String interval = interval();
    return interval.isEmpty() ? answer() : answer() + " (" + interval + ")";
  }
}
