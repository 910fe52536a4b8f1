package attnprof.api.metric;

import java.util.List;
import java.util.Objects;

/**
 * One measured quantity of one point.
 *
 * @param quantity what was measured
 * @param summary the value and its spread
 * @param runs the value of each run, in the order the runs were taken, when the summary summarises
 *     repeated runs; empty for a single reading (a count, a high-water mark). The engine keeps them to
 *     pair runs of a variant and its baseline taken side by side, and to resample them for confidence
 *     intervals.
 *
 * @since API 1
 */
public record Measurement(Quantity quantity, Summary summary, List<Double> runs) {
  public Measurement {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(summary, "summary");
    runs = runs == null ? List.of() : List.copyOf(runs);
  }

  /** A measurement that keeps no per-run values. */
  public Measurement(Quantity quantity, Summary summary) {
    this(quantity, summary, List.of());
  }

  /** A measurement of repeated runs: summarised, and each run's value kept in order. */
  public static Measurement ofRuns(Quantity quantity, double... values) {
    List<Double> runs = new java.util.ArrayList<>(values.length);
    for (double value : values) {
      runs.add(value);
    }
    return new Measurement(quantity, Summary.of(values), runs);
  }
}
