package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak tensor memory of a step: the bytes the model keeps between steps (its variables, which in
 * training include the optimizer's slots, and the constants and inputs of its step; counted from the
 * graph) plus the most bytes one traced step held allocated at once above them (its activations,
 * gradients and workspace, from the allocator's record of each allocation and release). Both parts
 * are the model's own, so the figure is the same whatever else its process holds: the variants of a
 * length can be measured side by side. Where the device's allocator keeps no records, it is left out.
 */
public final class PeakMemoryMetric extends StepReadingMetric {
  static final Quantity ALLOCATOR = new Quantity("peak_memory.allocator", Unit.BYTES, Direction.LOWER_IS_BETTER,
      "the model's variables, constants and inputs plus the most one traced step held allocated at once above them");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("peak-memory", "Peak memory",
      List.of(ALLOCATOR), false,
      "the bytes the model keeps between steps plus the peak its traced step allocates, from the allocator's records");



  public PeakMemoryMetric() {
    super(DESCRIPTOR);
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    OptionalLong step = context.device().stepPeakBytes(context.tracedStep(), context.point().deviceId());
    if (step.isEmpty()) {
      return List.of();
    }
    long kept = ModelTensors.bytes(context.graph(), context.stepOperations());
    return List.of(new Measurement(ALLOCATOR, Summary.single(kept + step.getAsLong(), 1)));
  }
}
