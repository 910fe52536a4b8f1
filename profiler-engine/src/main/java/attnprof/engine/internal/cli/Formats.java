package attnprof.engine.internal.cli;

import attnprof.engine.result.Lengths;
import attnprof.engine.result.Numbers;
import java.time.Duration;
import java.util.Locale;

/** How numbers read on a terminal. */
final class Formats {
  private Formats() {
  }

  /** A value with three significant digits, in a unit that keeps it readable (bytes as MiB/GiB). */
  static String value(double value, String unit) {
    return Numbers.value(value, unit);
  }

  /** Three significant digits, two decimals at least: {@code 812}, {@code 40.6}, {@code 0.95}, {@code 0.0114}. */
  static String significant(double value) {
    return Numbers.significant(value);
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
