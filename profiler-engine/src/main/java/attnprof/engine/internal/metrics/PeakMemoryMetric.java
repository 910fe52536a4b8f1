package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak memory of a step, two ways: the device allocator's bytes in use at their highest during a
 * traced step (tensors only: weights, activations, gradients, optimizer state), and the measuring
 * process' resident high-water mark (everything: the JVM, TensorFlow's code, its caches). The
 * allocator figure needs an allocator that tracks bytes in use (on the CPU the BFC allocator, which
 * child JVMs get); where there is none, it is left out.
 */
public final class PeakMemoryMetric implements Metric {
  static final Quantity ALLOCATOR = new Quantity("peak_memory.allocator", Unit.BYTES, Direction.LOWER_IS_BETTER,
      "highest bytes in use in the device's TensorFlow allocator during one traced step");
  static final Quantity RESIDENT = new Quantity("peak_memory.rss", Unit.BYTES, Direction.LOWER_IS_BETTER,
      "resident-set high-water mark of the measuring process (VmHWM), all runs of the point included");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("peak-memory", "Peak memory",
      List.of(ALLOCATOR, RESIDENT), false,
      "the allocator's peak bytes in use in a traced step, and the process' resident high-water mark");

  @Override
  public MetricDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    List<Measurement> measurements = new ArrayList<>();
    OptionalLong allocator = context.device().peakMemoryBytes(context.tracedStep(), context.point().deviceId());
    allocator.ifPresent(bytes -> measurements.add(new Measurement(ALLOCATOR, Summary.single(bytes, 1))));
    long resident = context.residentHighWaterBytes();
    if (resident > 0) {
      measurements.add(new Measurement(RESIDENT, Summary.single(resident, context.warmup() + context.runs() + 1)));
    }
    return measurements;
  }
}
