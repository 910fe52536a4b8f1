package attnprof.api.metric;

import java.util.List;
import java.util.Objects;

/**
 * What a metric measures.
 *
 * @param id stable id used with {@code --metrics}, such as {@code latency}
 * @param displayName a short human name
 * @param quantities the quantities each measurement reports, at least one
 * @param batchOneOnly whether it is measured only at batch size 1 (latency is, by definition)
 * @param summary one sentence on how it is measured
 */
public record MetricDescriptor(String id, String displayName, List<Quantity> quantities, boolean batchOneOnly,
    String summary) {
  public MetricDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    quantities = List.copyOf(quantities);
    Objects.requireNonNull(summary, "summary");
    if (quantities.isEmpty()) {
      throw new IllegalArgumentException("metric " + id + " has no quantities");
    }
  }
}
