package attnprof.api.metric;

import java.util.Objects;

/**
 * One measured quantity of one point.
 *
 * @param quantity what was measured
 * @param summary the value and its spread
 */
public record Measurement(Quantity quantity, Summary summary) {
  public Measurement {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(summary, "summary");
  }
}
