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
 * @since API 1; {@link #builder} since API 2
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
    // ids go into command lines, shell completion and file names, as variant ids do
    if (!id.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("metric id must be lower-case letters, digits, `-` and `_`: " + id);
    }
  }

  /** A descriptor of the metric {@code id}, built step by step. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Builds a {@link MetricDescriptor} with named steps (at least one quantity required).
   *
   * @since API 2
   */
  public static final class Builder {
    private final String id;
    private String displayName;
    private final List<Quantity> quantities = new java.util.ArrayList<>();
    private boolean batchOneOnly;
    private String summary = "";
    private boolean ownProcess;

    private Builder(String id) {
      this.id = id;
    }

    /** A short human name (default: the id). */
    public Builder displayName(String value) {
      displayName = value;
      return this;
    }

    public Builder quantity(Quantity value) {
      quantities.add(value);
      return this;
    }

    /** Measured only at batch size 1. */
    public Builder batchOneOnly() {
      batchOneOnly = true;
      return this;
    }

    public Builder summary(String value) {
      summary = value;
      return this;
    }

    /** A point must be alone in its measuring process for this metric. */
    public Builder ownProcess() {
      ownProcess = true;
      return this;
    }

    public MetricDescriptor build() {
      return new MetricDescriptor(id, displayName == null ? id : displayName, quantities, batchOneOnly, summary,
          ownProcess);
    }
  }
}
