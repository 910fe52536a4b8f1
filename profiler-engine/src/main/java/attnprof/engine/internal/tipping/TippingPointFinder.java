package attnprof.engine.internal.tipping;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Unit;
import attnprof.engine.PointStatus;
import attnprof.engine.ResultRow;
import attnprof.engine.TippingPoint;
import attnprof.engine.TippingPoint.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds, for each efficient variant against its baseline and each quantity, mode, batch size and
 * input, the smallest length from which the variant stays better to the end of the grid.
 *
 * <p>At each length both measured, the variant's deficit is how much worse it is (negative when
 * better). The tipping point lies between the last length where it is not better and the next one;
 * it is interpolated linearly in length where the deficit crosses zero. A point that ran out of
 * memory counts as infinitely bad; one that timed out too, for time quantities (for memory it is
 * unknown and left out); an error is left out. With an infinite deficit on either side, the tipping
 * point is the first length where the variant is better.
 */
public final class TippingPointFinder {

  private record Key(String variant, String baseline, String metric, String mode, int batch, String input,
      String preset) {
  }

  private record Side(double value, boolean failed) {
  }

  public List<TippingPoint> find(List<ResultRow> rows) {
    Map<Key, List<ResultRow>> efficient = new LinkedHashMap<>();
    Map<Key, List<ResultRow>> baselines = new LinkedHashMap<>();
    for (ResultRow row : rows) {
      if (!Direction.ofId(row.better()).ranked()) {
        continue;
      }
      if (!row.baseline().isEmpty()) {
        efficient.computeIfAbsent(new Key(row.variant(), row.baseline(), row.metric(), row.mode(), row.batch(),
            row.input(), row.preset()), k -> new ArrayList<>()).add(row);
      }
      baselines.computeIfAbsent(new Key(row.variant(), "", row.metric(), row.mode(), row.batch(), row.input(),
          row.preset()), k -> new ArrayList<>()).add(row);
    }
    List<TippingPoint> points = new ArrayList<>();
    for (Map.Entry<Key, List<ResultRow>> entry : efficient.entrySet()) {
      Key key = entry.getKey();
      List<ResultRow> reference = baselines.get(new Key(key.baseline(), "", key.metric(), key.mode(), key.batch(),
          key.input(), key.preset()));
      if (reference != null) {
        points.add(compare(key, entry.getValue(), reference));
      }
    }
    points.sort(Comparator.comparing(TippingPoint::variant).thenComparing(TippingPoint::mode)
        .thenComparing(TippingPoint::metric).thenComparingInt(TippingPoint::batch));
    return points;
  }

  private static TippingPoint compare(Key key, List<ResultRow> variantRows, List<ResultRow> baselineRows) {
    ResultRow sample = variantRows.get(0);
    Direction direction = Direction.ofId(sample.better());
    boolean timeQuantity = Unit.MILLISECONDS.symbol().equals(sample.unit())
        || Unit.INPUTS_PER_SECOND.symbol().equals(sample.unit());
    Map<Double, Side> variant = sides(variantRows, timeQuantity);
    Map<Double, Side> baseline = sides(baselineRows, timeQuantity);

    TreeMap<Double, Double> deficits = new TreeMap<>();
    for (Map.Entry<Double, Side> entry : variant.entrySet()) {
      Side other = baseline.get(entry.getKey());
      if (other == null || (entry.getValue().failed() && other.failed())) {
        continue;
      }
      Side mine = entry.getValue();
      double deficit = mine.failed() ? Double.POSITIVE_INFINITY
          : other.failed() ? Double.NEGATIVE_INFINITY
          : direction.deficit(mine.value(), other.value());
      deficits.put(entry.getKey(), deficit);
    }
    String unit = sample.lengthUnit();
    if (deficits.isEmpty()) {
      return point(key, Verdict.NO_DATA, Double.NaN, unit, "no length has results for both");
    }
    List<Double> lengths = new ArrayList<>(deficits.keySet());
    double last = lengths.get(lengths.size() - 1);
    if (!(deficits.get(last) < 0)) {
      return point(key, Verdict.NEVER_IN_RANGE, Double.NaN, unit,
          "not better at the largest length, " + format(last) + " " + unit);
    }
    int first = lengths.size() - 1;
    while (first > 0 && deficits.get(lengths.get(first - 1)) < 0) {
      first--;
    }
    if (first == 0) {
      return point(key, Verdict.FROM_START, Double.NaN, unit,
          "better at every length from " + format(lengths.get(0)) + " to " + format(last) + " " + unit);
    }
    double below = lengths.get(first - 1);
    double above = lengths.get(first);
    double worse = deficits.get(below);
    double better = deficits.get(above);
    double tipping = Double.isInfinite(worse) || Double.isInfinite(better)
        ? above
        : below + (above - below) * worse / (worse - better);
    return point(key, Verdict.AT, tipping, unit,
        "worse at " + format(below) + ", better from " + format(above) + " " + unit + " on");
  }

  private static Map<Double, Side> sides(List<ResultRow> rows, boolean timeQuantity) {
    Map<Double, Side> sides = new TreeMap<>();
    for (ResultRow row : rows) {
      if (row.ok()) {
        sides.put(row.length(), new Side(row.value(), false));
      } else if (PointStatus.OOM.id().equals(row.status())
          || (timeQuantity && PointStatus.TIMEOUT.id().equals(row.status()))) {
        sides.putIfAbsent(row.length(), new Side(Double.NaN, true));
      }
    }
    return sides;
  }

  private static TippingPoint point(Key key, Verdict verdict, double length, String unit, String detail) {
    return new TippingPoint(key.variant(), key.baseline(), key.metric(), key.mode(), key.batch(), key.input(),
        verdict, length, Objects.requireNonNullElse(unit, ""), detail);
  }

  private static String format(double length) {
    return length == Math.rint(length) ? String.valueOf((long) length) : String.valueOf(length);
  }
}
