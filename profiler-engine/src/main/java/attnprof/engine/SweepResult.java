package attnprof.engine;

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
 * @param rows the points flattened, one row per measured quantity
 * @param tippingPoints the tipping points of every efficient variant whose baseline is in the sweep
 * @param outputDirectory where the files were written, or null
 * @param complete whether every planned point has a result
 */
public record SweepResult(String runId, Instant startedAt, Instant finishedAt, RunEnvironment environment,
    List<PointResult> points, List<ResultRow> rows, List<TippingPoint> tippingPoints, Path outputDirectory,
    boolean complete) {

  public SweepResult {
    points = List.copyOf(points);
    rows = List.copyOf(rows);
    tippingPoints = List.copyOf(tippingPoints);
  }

  /** The tipping point of one variant, quantity and mode at batch size 1 on synthetic inputs, if found. */
  public Optional<TippingPoint> tippingPoint(String variant, String metric, String mode) {
    return tippingPoints.stream()
        .filter(t -> t.variant().equals(variant) && t.metric().equals(metric) && t.mode().equals(mode))
        .findFirst();
  }
}
