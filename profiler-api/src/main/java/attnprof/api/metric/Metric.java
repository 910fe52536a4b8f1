package attnprof.api.metric;

import java.util.List;

/**
 * A measurement of a point: latency, throughput, peak memory and more.
 *
 * <p>Declared with {@code provides attnprof.api.metric.Metric with ...}. The engine calls
 * {@link #measure} in the process that measures the point (a fresh child JVM by default), once per
 * point the metric {@linkplain #appliesTo applies to}, after the graph is built and initialised.
 * The constructor must be cheap. Implementations must be stateless between points.
 *
 * @since API 1
 */
public interface Metric {

  /** What this metric measures; the same value on every call. */
  MetricDescriptor descriptor();

  /** Whether this metric is measured at a point; by default, every point (batch 1 only if so declared). */
  default boolean appliesTo(MeasurementPoint point) {
    return !descriptor().batchOneOnly() || point.batch() == 1;
  }

  /**
   * Whether {@link #measure} reads {@link MeasurementContext#timedSteps()}. The engine times the
   * points of a process side by side, in interleaved rounds, only when one of their metrics does; a
   * metric that reads them without saying so gets runs of its point alone. True by default.
   */
  default boolean usesTimedSteps() {
    return true;
  }

  /**
   * Measures the point.
   *
   * @return one measurement per quantity it could measure; a quantity the device cannot report (no
   *     allocator statistics, say) is left out rather than faked
   * @throws Exception anything the measurement throws; the engine records the point's status from it
   *     ({@code oom} for TensorFlow's resource exhaustion and Java's {@link OutOfMemoryError})
   */
  List<Measurement> measure(MeasurementContext context) throws Exception;
}
