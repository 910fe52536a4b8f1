package attnprof.engine;

/**
 * Where an efficient variant starts to pay off against its baseline, for one quantity and mode.
 *
 * @param variant the efficient variant
 * @param baseline its vanilla baseline
 * @param metric the quantity compared
 * @param mode {@code inference} or {@code training}
 * @param batch the batch size compared at
 * @param input {@code synthetic} or the real input's name
 * @param verdict what the comparison found
 * @param length the interpolated length from which the variant stays better; NaN unless the verdict
 *     is {@link Verdict#AT}
 * @param lengthUnit the unit of lengths
 * @param detail how it was found: the grid lengths around it, or why there is none
 */
public record TippingPoint(String variant, String baseline, String metric, String mode, int batch, String input,
    Verdict verdict, double length, String lengthUnit, String detail) {

  /** The kinds of answer. */
  public enum Verdict {
    /** The variant is better from this length on, to the end of the grid. */
    AT,
    /** The variant is better at every length of the grid. */
    FROM_START,
    /** The variant is not better at the largest length of the grid. */
    NEVER_IN_RANGE,
    /** No length had results for both. */
    NO_DATA
  }

  /** The answer as people read it: {@code 812 tokens}, {@code from the start}, {@code never in range}. */
  public String answer() {
    return switch (verdict) {
      case AT -> formatLength(length) + " " + lengthUnit;
      case FROM_START -> "from the start";
      case NEVER_IN_RANGE -> "never in range";
      case NO_DATA -> "no data";
    };
  }

  private static String formatLength(double value) {
    if (Math.abs(value - Math.rint(value)) < 1e-9) {
      return String.valueOf((long) Math.rint(value));
    }
    return value >= 100 ? String.valueOf(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.2f", value);
  }
}
