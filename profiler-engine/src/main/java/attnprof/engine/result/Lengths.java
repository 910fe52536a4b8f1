package attnprof.engine.result;

import java.util.Locale;

/**
 * How lengths are written, in one place: exactly, as a point's identity and its files name them ({@code 512},
 * {@code 0.5}, {@code unlimited}), and as people read them in tables, charts and the report ({@code 512 tokens},
 * {@code 3.6 seconds}).
 */
public final class Lengths {
  /** How an infinite length reads: a streaming left context of every chunk before. */
  public static final String UNLIMITED = "unlimited";

  private Lengths() {
  }

  /**
   * A length exactly, without a trailing {@code .0} when it is whole: part of a point's key, so two lengths that
   * differ never read alike; {@value #UNLIMITED} for an infinite one.
   */
  public static String exact(double length) {
    if (Double.isInfinite(length)) {
      return UNLIMITED;
    }
    return length == Math.rint(length) ? String.valueOf((long) length) : String.valueOf(length);
  }

  /**
   * A length in its unit as people read it: whole tokens and pixels, seconds to 0.1 s; an infinite length
   * (a streaming left context) as {@value #UNLIMITED}, without a unit.
   */
  public static String format(double value, String unit) {
    if (value == Double.POSITIVE_INFINITY) {
      return UNLIMITED;
    }
    String number = number(value, unit);
    return unit == null || unit.isEmpty() ? number : number + " " + unit;
  }

  /** A length's number as {@link #format} writes it, without the unit. */
  public static String number(double value, String unit) {
    if (value == Double.POSITIVE_INFINITY) {
      return UNLIMITED;
    }
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    if ("seconds".equals(unit)) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if ("tokens".equals(unit) || "pixels".equals(unit) || Math.abs(value) >= 100) {
      return String.valueOf(Math.round(value));
    }
    return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
