package attnprof.engine.internal.cli;

import attnprof.engine.result.Lengths;
import java.time.Duration;
import java.util.Locale;

/** How numbers read on a terminal. */
final class Formats {
  private Formats() {
  }

  /** A value with three significant digits, in a unit that keeps it readable (bytes as MiB/GiB). */
  static String value(double value, String unit) {
    if (unit.equals("bytes")) {
      double mib = value / (1024 * 1024);
      return mib >= 1024 ? significant(mib / 1024) + " GiB" : significant(mib) + " MiB";
    }
    if (unit.equals("FLOP")) {
      return value >= 1e9 ? significant(value / 1e9) + " GFLOP" : significant(value / 1e6) + " MFLOP";
    }
    return significant(value) + " " + unit;
  }

  /** Three significant digits, two decimals at least: {@code 812}, {@code 40.6}, {@code 0.95}, {@code 0.0114}. */
  static String significant(double value) {
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

  /**
   * A mode as a table's heading names it: the streaming mode says that its lengths are left contexts,
   * since its tables read like the others'.
   */
  static String mode(String mode) {
    return attnprof.api.Mode.STREAMING.id().equals(mode) ? mode + " (lengths: left context)" : mode;
  }

  /**
   * Where a table's figures were measured, as its heading names it: {@code inference | batch 1}, with the
   * input when it is a real one.
   */
  static String where(String mode, int batch, String input) {
    return mode(mode) + " | batch " + batch + (input.equals("synthetic") ? "" : " | " + input);
  }


  static String duration(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
  }

  /** An integer with thousands separators: 109,482,240. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
