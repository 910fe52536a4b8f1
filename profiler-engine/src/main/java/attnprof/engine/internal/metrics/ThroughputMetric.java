package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import java.util.List;

/** Inputs per second at the point's batch size: the batch size over each timed step's wall time. */
public final class ThroughputMetric implements Metric {
  static final Quantity THROUGHPUT = new Quantity("throughput", Unit.INPUTS_PER_SECOND, Direction.HIGHER_IS_BETTER,
      "inputs processed per second: batch size divided by the wall time of one step");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("throughput", "Throughput",
      List.of(THROUGHPUT), false, "median over the timed runs of batch size / step wall time");

  @Override
  public MetricDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    int batch = context.point().batch();
    double[] rates = context.timedSteps().stream().mapToDouble(d -> batch / (d.toNanos() / 1e9)).toArray();
    return List.of(Measurement.ofRuns(THROUGHPUT, rates));
  }
}
