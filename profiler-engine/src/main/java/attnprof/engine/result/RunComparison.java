package attnprof.engine.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two runs side by side: every compared quantity of every point both measured. */
public final class RunComparison {
  private RunComparison() {
  }

  /**
   * One quantity of one point in both runs.
   *
   * @param ratio {@code b / a}
   * @param beyondSpread whether the runs' p10-p90 ranges do not overlap; null when either value is a
   *     single reading (a traced step, a count, a high-water mark), which has no spread to compare with
   */
  public record Line(String variant, double length, String lengthUnit, String mode, int batch, String input,
      String metric, String unit, double a, double b, double ratio, Boolean beyondSpread) {
  }

  public static List<Line> of(List<Figure> a, List<Figure> b) {
    Map<String, Figure> first = new LinkedHashMap<>();
    for (Figure figure : a) {
      if (figure.ok() && figure.direction().ranked()) {
        first.put(key(figure), figure);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Figure second : b) {
      Figure one = first.get(key(second));
      if (one == null || !second.ok()) {
        continue;
      }
      Boolean beyond = hasSpread(one) && hasSpread(second)
          ? one.summary().p90() < second.summary().p10() || second.summary().p90() < one.summary().p10() : null;
      lines.add(new Line(one.variant(), one.length(), one.lengthUnit(), one.mode().id(), one.batch(), one.input(),
          one.metric(), one.unit(), one.value(), second.value(), second.value() / one.value(), beyond));
    }
    return lines;
  }

  /** Whether a row summarises several readings that spread (a count or a single high-water mark does not). */
  private static boolean hasSpread(Figure figure) {
    var summary = figure.summary();
    return summary.runs() >= 2 && summary.p90() > summary.p10();
  }

  private static String key(Figure figure) {
    PointSpec point = figure.point();
    return point.variant() + "|" + point.preset() + "|" + point.input() + "|" + point.length() + "|"
        + point.mode().id() + "|" + point.batch() + "|" + point.device() + "|" + figure.metric();
  }
}
