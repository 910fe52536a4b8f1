package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import java.util.List;

/** The wall time of one step at batch size 1: the median of the timed runs, with their spread. */
public final class LatencyMetric implements Metric {
  static final Quantity LATENCY = new Quantity("latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER,
      "wall time of one Session.run of one input (a forward pass, or a training step), inputs already built");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("latency", "Latency", List.of(LATENCY),
      true, "median wall time of one step at batch size 1 over the timed runs, after warm-up");

  @Override
  public MetricDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    double[] millis = context.timedSteps().stream().mapToDouble(d -> d.toNanos() / 1e6).toArray();
    return List.of(Measurement.ofRuns(LATENCY, millis));
  }
}
