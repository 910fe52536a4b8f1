package attnprof.engine.internal.output;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flattens point results into rows: one per quantity the point should have measured. */
public final class ResultRows {
  private ResultRows() {
  }

  /**
   * The rows of one point. A measured point gets a row per measured quantity; a failed one gets a
   * row per expected quantity, with no value and its status.
   */
  public static List<ResultRow> of(String runId, PointResult point, List<Quantity> expected,
      RunEnvironment environment) {
    String input = point.input();
    List<ResultRow> rows = new ArrayList<>();
    for (Quantity quantity : expected) {
      Optional<Measurement> measured = point.measurement(quantity.id());
      if (measured.isPresent()) {
        rows.add(row(runId, point, input, quantity, measured.get().summary(), environment));
      } else if (point.status() != attnprof.engine.result.PointStatus.OK) {
        rows.add(row(runId, point, input, quantity, null, environment));
      }
      // a measured point without this quantity could not report it here (no allocator statistics, say)
    }
    return rows;
  }

  private static ResultRow row(String runId, PointResult point, String input, Quantity quantity, Summary summary,
      RunEnvironment environment) {
    boolean ok = summary != null;
    return new ResultRow(runId, point.variant(), point.baseline(), point.modality(), point.preset(), input,
        point.length(), point.lengthUnit(), point.batch(), point.mode().id(), point.device(), quantity.id(),
        ok ? summary.median() : null, quantity.unit().symbol(),
        quantity.direction().id(),
        ok ? summary.runs() : 0,
        ok ? summary.p10() : null, ok ? summary.p90() : null, ok ? summary.mad() : null,
        ok ? summary.ciLow() : null, ok ? summary.ciHigh() : null, ok ? summary.relativeSpread() : null,
        point.status().id(), point.message(), point.parameters(), String.join("; ", point.notes()),
        point.refinement(), environment.cpuModel(), environment.cpuCores(), environment.memoryBytes(), environment.jdk(),
        environment.tensorflow());
  }
}
