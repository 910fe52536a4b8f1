package attnprof.engine.result;

import attnprof.api.metric.Direction;
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

  public static List<Line> of(List<ResultRow> a, List<ResultRow> b) {
    Map<String, ResultRow> first = new LinkedHashMap<>();
    for (ResultRow row : a) {
      if (row.ok() && Direction.ofId(row.better()).ranked()) {
        first.put(key(row), row);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (ResultRow second : b) {
      ResultRow one = first.get(key(second));
      if (one == null || !second.ok()) {
        continue;
      }
      Boolean beyond = hasSpread(one) && hasSpread(second)
          ? one.p90() < second.p10() || second.p90() < one.p10() : null;
      lines.add(new Line(one.variant(), one.length(), one.lengthUnit(), one.mode(), one.batch(), one.input(),
          one.metric(), one.unit(), one.value(), second.value(), second.value() / one.value(), beyond));
    }
    return lines;
  }

  /** Whether a row summarises several readings that spread (a count or a single high-water mark does not). */
  private static boolean hasSpread(ResultRow row) {
    return row.runs() >= 2 && row.p10() != null && row.p90() != null && row.p90() > row.p10();
  }

  private static String key(ResultRow row) {
    return row.variant() + "|" + row.preset() + "|" + row.input() + "|" + row.length() + "|" + row.mode() + "|"
        + row.batch() + "|" + row.device() + "|" + row.metric();
  }
}
