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
 * @param ownProcess whether a point must be alone in its measuring process for this metric to mean what
 *     it says (a process-wide figure such as the resident high-water mark); the engine then measures it
 *     in a process of its own, apart from the process where a variant and its baseline are timed side
 *     by side
 */
public record MetricDescriptor(String id, String displayName, List<Quantity> quantities, boolean batchOneOnly,
    String summary, boolean ownProcess) {

  /** A metric that may share its measuring process with other points. */
  public MetricDescriptor(String id, String displayName, List<Quantity> quantities, boolean batchOneOnly,
      String summary) {
    this(id, displayName, quantities, batchOneOnly, summary, false);
  }

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
