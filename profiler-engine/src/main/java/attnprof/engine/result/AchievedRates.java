package attnprof.engine.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic rate a point achieved: its counted FLOPs over its median latency, in GFLOP/s. It is
 * derived from two figures a sweep measured (the {@code flops} and {@code latency} metrics of the same
 * variant, length, mode and input at batch 1), not measured itself, and it says how well an
 * implementation uses the machine: an efficient variant far below its baseline's rate pays for more
 * than its architecture.
 */
public final class AchievedRates {
  private AchievedRates() {
  }

  /**
   * One point's rate.
   *
   * @param baselineGflops its baseline's rate at the same length, mode and input, or NaN when the
   *     baseline has none (or the point is a baseline)
   */
  public record Rate(String variant, String baseline, String mode, String input, double length, String lengthUnit,
      double flops, double latencyMillis, double gflopsPerSecond, double baselineGflops) {

    /** The rate as a fraction of the baseline's, or NaN. */
    public double ofBaseline() {
      return gflopsPerSecond / baselineGflops;
    }
  }

  /** The rates of every point with both an ok latency and an ok FLOP count, ordered by mode, variant and length. */
  public static List<Rate> of(List<Figure> rows) {
    Map<Key, Double> flops = new HashMap<>();
    for (Figure row : rows) {
      if (row.ok() && "flops".equals(row.metric()) && row.batch() == 1 && row.value() != null) {
        flops.put(Key.of(row, row.variant()), row.value());
      }
    }
    Map<Key, double[]> measured = new HashMap<>();
    List<Figure> latencies = rows.stream()
        .filter(r -> r.ok() && "latency".equals(r.metric()) && r.batch() == 1 && r.value() != null && r.value() > 0)
        .toList();
    for (Figure row : latencies) {
      Double count = flops.get(Key.of(row, row.variant()));
      if (count != null) {
        measured.put(Key.of(row, row.variant()), new double[] {count, row.value()});
      }
    }
    List<Rate> rates = new ArrayList<>();
    for (Figure row : latencies) {
      double[] both = measured.get(Key.of(row, row.variant()));
      if (both == null) {
        continue;
      }
      double[] baseline = row.baseline() == null || row.baseline().isEmpty() ? null
          : measured.get(Key.of(row, row.baseline()));
      rates.add(new Rate(row.variant(), row.baseline(), row.mode().id(), row.input(), row.length(), row.lengthUnit(),
          both[0], both[1], gflops(both), baseline == null ? Double.NaN : gflops(baseline)));
    }
    rates.sort(Comparator.comparing(Rate::mode).thenComparing(Rate::input).thenComparing(Rate::variant)
        .thenComparingDouble(Rate::length));
    return rates;
  }

  private static double gflops(double[] flopsAndMillis) {
    return flopsAndMillis[0] / (flopsAndMillis[1] / 1000) / 1e9;
  }

  private record Key(String variant, String mode, String input, double length, String preset) {
    static Key of(Figure row, String variant) {
      return new Key(variant, row.mode().id(), row.input(), row.length(), Objects.toString(row.preset(), ""));
    }
  }
}
