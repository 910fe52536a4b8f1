package attnprof.engine.result;

import java.util.Locale;

/** How numbers read in tables and sentences: three significant digits, in a unit that keeps them readable. */
public final class Numbers {
  private Numbers() {
  }

  /** A value with three significant digits, in a unit that keeps it readable (bytes as MiB/GiB). */
  public static String value(double value, String unit) {
    if (unit.equals("bytes")) {
      double mib = value / (1024 * 1024);
      return mib >= 1024 ? significant(mib / 1024) + " GiB" : significant(mib) + " MiB";
    }
    if (unit.equals("FLOP")) {
      if (value >= 1e15) {
        return significant(value / 1e15) + " PFLOP";
      }
      if (value >= 1e12) {
        return significant(value / 1e12) + " TFLOP";
      }
      return value >= 1e9 ? significant(value / 1e9) + " GFLOP" : significant(value / 1e6) + " MFLOP";
    }
    return significant(value) + " " + unit;
  }

  /** Three significant digits, two decimals at least: {@code 812}, {@code 40.6}, {@code 0.95}, {@code 0.0114}. */
  public static String significant(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 0.1 || magnitude == 0 || !Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
