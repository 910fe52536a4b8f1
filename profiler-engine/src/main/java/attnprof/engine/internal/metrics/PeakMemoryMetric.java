package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak memory of a step: the device allocator's bytes in use at their highest during one traced step
 * (tensors only: weights, activations, gradients, optimizer state). When other models stay loaded in
 * the same process (a variant and its baseline are timed side by side), the bytes they hold are left
 * out, so the figure is what a process holding this model alone reaches. It needs an allocator that
 * tracks bytes in use (on the CPU the BFC allocator, which child JVMs get); where there is none, it is
 * left out.
 */
public final class PeakMemoryMetric implements Metric {
  static final Quantity ALLOCATOR = new Quantity("peak_memory.allocator", Unit.BYTES, Direction.LOWER_IS_BETTER,
      "highest bytes in use in the device's TensorFlow allocator during one traced step, this model's alone");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("peak-memory", "Peak memory",
      List.of(ALLOCATOR), false,
      "the allocator's peak bytes in use in a traced step, less what other models loaded beside it hold");

  @Override
  public MetricDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public boolean usesTimedSteps() {
    return false;
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    OptionalLong allocator = context.device().peakMemoryBytes(context.tracedStep(), context.point().deviceId());
    if (allocator.isEmpty()) {
      return List.of();
    }
    long own = allocator.getAsLong() - context.residentBytesOfOtherModels();
    return List.of(new Measurement(ALLOCATOR, Summary.single(own, 1)));
  }
}
