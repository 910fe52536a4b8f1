package attnprof.engine.internal.output;

import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import java.util.List;

/**
 * The JSON form of a sweep's results.
 *
 * @param format the document's format version
 * @param runId the run
 * @param startedAt ISO-8601 start time
 * @param finishedAt ISO-8601 end time
 * @param complete whether every planned point has a result
 * @param environment where it ran
 * @param points every point with its measurements
 * @param rows the flat rows, as in the CSV
 * @param tippingPoints the tipping points, with their 95% intervals and how each was found
 * @param comparisons each efficient variant against its baseline at each length: ratio, interval, verdict
 */
public record ResultsDocument(int format, String runId, String startedAt, String finishedAt, boolean complete,
    RunEnvironment environment, List<PointResult> points, List<ResultRow> rows, List<TippingPoint> tippingPoints,
    List<LengthComparison> comparisons) {

  static ResultsDocument of(SweepResult result) {
    return new ResultsDocument(2, result.runId(), result.startedAt().toString(), result.finishedAt().toString(),
        result.complete(), result.environment(), result.points(), result.rows(), result.tippingPoints(),
        result.comparisons());
  }
}
