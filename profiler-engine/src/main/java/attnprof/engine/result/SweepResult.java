package attnprof.engine.result;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a sweep produced, as values.
 *
 * @param runId the run's id, such as {@code run-20261124-153012}
 * @param startedAt when the sweep started
 * @param finishedAt when it ended (for a partial result, when the latest point ended)
 * @param environment the machine and software it ran on
 * @param points every point's result, in the order measured
 * @param figures the points' quantities, one figure per point and quantity (a failed point's expected ones
 *     without a value)
 * @param tippingPoints the tipping points of every efficient variant whose baseline is in the sweep,
 *     with their 95% intervals
 * @param comparisons every efficient variant against its baseline at each length: the ratio, its 95%
 *     interval and the verdict
 * @param outputDirectory where the files were written, or null
 * @param complete whether every planned point has a result
 */
public record SweepResult(String runId, Instant startedAt, Instant finishedAt, RunEnvironment environment,
    List<PointResult> points, List<Figure> figures, List<TippingPoint> tippingPoints,
    List<LengthComparison> comparisons, Path outputDirectory, boolean complete) {

  public SweepResult {
    points = List.copyOf(points);
    figures = List.copyOf(figures);
    tippingPoints = List.copyOf(tippingPoints);
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
  }

  /** The figures flat, one row per point and quantity, as {@code results.csv} and the database hold them. */
  public List<ResultRow> rows() {
    return figures.stream().map(figure -> ResultRow.of(runId, figure, environment)).toList();
  }

  /** The tipping point of one variant, quantity and mode at batch size 1 on synthetic inputs, if found. */
  public Optional<TippingPoint> tippingPoint(String variant, String metric, String mode) {
    return tippingPoints.stream()
        .filter(t -> t.variant().equals(variant) && t.metric().equals(metric) && t.mode().equals(mode))
        .findFirst();
  }
}
