package attnprof.api.metric;

import java.util.Objects;

/**
 * One number a metric measures, such as {@code latency} or {@code peak_memory.rss}. Tipping points
 * are found per quantity.
 *
 * @param id stable id, lower-case, dots between parts
 * @param unit its unit
 * @param direction whether lower or higher is better
 * @param description one sentence on what exactly is measured
 *
 * @since API 1
 */
public record Quantity(String id, Unit unit, Direction direction, String description) {
  public Quantity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(description, "description");
    if (!id.matches("[a-z][a-z0-9_.]*")) {
      throw new IllegalArgumentException("quantity id must be lower-case with '_' and '.': " + id);
    }
  }
}
