package attnprof.engine.internal.metrics;

import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;

/**
 * A metric read off one traced step or its process (a breakdown, a count, a high-water mark) rather than off the
 * timed steps: it needs no timed runs of its own.
 */
abstract class StepReadingMetric implements Metric {
  private final MetricDescriptor descriptor;

  StepReadingMetric(MetricDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  @Override
  public final MetricDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public final boolean usesTimedSteps() {
    return false;
  }
}
