package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import java.util.List;

/**
 * The resident-set high-water mark of a process that loaded the point's model alone and ran its
 * warm-up steps and one more: everything the process ever held at once, the JVM, TensorFlow's code and
 * its allocator's pool included. A process-wide figure, so the engine measures it in a process of its
 * own for each point; it is not among the default metrics, since that process costs more than the
 * point's other measurements together.
 */
public final class ResidentMemoryMetric extends StepReadingMetric {
  static final Quantity RESIDENT = new Quantity("peak_memory.rss", Unit.BYTES, Direction.LOWER_IS_BETTER,
      "resident-set high-water mark (VmHWM) of a process holding this model alone, after its steps");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("resident-memory", "Resident memory",
      List.of(RESIDENT), false,
      "the resident high-water mark of a process of its own that loads the model and runs its steps", true);



  public ResidentMemoryMetric() {
    super(DESCRIPTOR);
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    context.tracedStep();
    long resident = context.residentHighWaterBytes();
    return resident > 0 ? List.of(new Measurement(RESIDENT, Summary.single(resident, 1))) : List.of();
  }
}
