package attnprof.engine.internal.tipping;

import attnprof.engine.result.Lengths;
import attnprof.engine.result.ForkResult;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.internal.stats.Samples;
import attnprof.engine.internal.point.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the tipping points and per-length verdicts of a run ({@link Comparisons}): from its points'
 * runs by fork when they are known (a sweep, a results database, {@code results.json}), else from the
 * rows' summaries (a results CSV), whose intervals are then only as good as the summaries'.
 */
public final class TippingPointFinder {

  /** The comparison of a run's rows, resampling its points' runs. */
  public Comparisons.Analysis analyse(List<ResultRow> rows, List<PointResult> points, Comparisons.Settings settings) {
    rows = onTheAxis(rows);
    Map<String, PointResult> byKey = new HashMap<>();
    for (PointResult point : points) {
      byKey.put(key(point.variant(), point.input(), point.length(), point.mode().id(), point.batch()), point);
    }
    return Comparisons.analyse(rows, row -> samples(row, byKey.get(key(row.variant(), row.input(), row.length(),
        row.mode(), row.batch()))), settings);
  }

  /** The tipping points of rows alone, resampling their summaries. */
  public List<TippingPoint> find(List<ResultRow> rows) {
    return Comparisons.analyse(onTheAxis(rows), row -> Optional.empty(), Comparisons.Settings.DEFAULT).tippingPoints();
  }

  /**
   * The rows at finite lengths: a streaming point of an unlimited left context is reported beside the axis,
   * not compared on it (nothing lies between it and the longest finite length to interpolate or bisect).
   */
  private static List<ResultRow> onTheAxis(List<ResultRow> rows) {
    return rows.stream().filter(row -> Double.isFinite(row.length())).toList();
  }

  private static String key(String variant, String input, double length, String mode, int batch) {
    return variant + "|" + input + "|" + Lengths.exact(length) + "|" + mode + "|" + batch;
  }

  /** A row's readings by fork: each fork's runs, or its single reading. */
  private static Optional<Samples> samples(ResultRow row, PointResult point) {
    if (point == null || point.forks().isEmpty()) {
      return Optional.empty();
    }
    List<Samples.Fork> forks = new ArrayList<>();
    for (ForkResult fork : point.forks()) {
      fork.measurement(row.metric()).ifPresent(m -> {
        double[] runs = m.runs().isEmpty() ? new double[] {m.summary().median()}
            : m.runs().stream().mapToDouble(Double::doubleValue).toArray();
        forks.add(new Samples.Fork(fork.process(), runs, fork.finishedAt()));
      });
    }
    return forks.isEmpty() ? Optional.empty() : Optional.of(Samples.ofForks(forks));
  }
}
