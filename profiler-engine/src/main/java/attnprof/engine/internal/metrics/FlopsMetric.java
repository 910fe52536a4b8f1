package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import attnprof.api.model.Component;
import attnprof.engine.internal.graph.FlopCounter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The floating-point operations of one step, counted from the graph's ops and static shapes (see
 * {@link FlopCounter} for what each op counts), in total and per component. Nothing runs: the figure
 * is the same on every machine, a yardstick for the measured times.
 */
public final class FlopsMetric extends StepReadingMetric {
  static final String ID = "flops";
  static final Quantity TOTAL = new Quantity(ID, Unit.FLOPS, Direction.LOWER_IS_BETTER,
      "floating-point operations of one step counted from the graph (2 per multiply-add)");
  private static final Map<Component, Quantity> BY_COMPONENT = new EnumMap<>(Component.class);
  private static final Map<Component, Quantity> BYTES_BY_COMPONENT = new EnumMap<>(Component.class);
  private static final MetricDescriptor DESCRIPTOR;

  static {
    List<Quantity> quantities = new ArrayList<>();
    quantities.add(TOTAL);
    for (Component component : Component.values()) {
      BY_COMPONENT.put(component, new Quantity(ID + "." + component.scopeName(), Unit.FLOPS, Direction.NEITHER,
          "floating-point operations of the " + component.scopeName() + " component in one step"));
    }
    quantities.addAll(BY_COMPONENT.values());
    for (Component component : Component.values()) {
      BYTES_BY_COMPONENT.put(component, new Quantity(ID + ".bytes." + component.scopeName(), Unit.BYTES,
          Direction.NEITHER, "bytes the computing ops of the " + component.scopeName() + " component read and write "
              + "in one step (inputs and outputs, nothing cached): the roofline's arithmetic intensity divides by it"));
    }
    quantities.addAll(BYTES_BY_COMPONENT.values());
    DESCRIPTOR = new MetricDescriptor(ID, "FLOPs", quantities, false,
        "floating-point operations of one step counted from the graph's ops and static shapes, per component");
  }



  public FlopsMetric() {
    super(DESCRIPTOR);
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    FlopCounter.Count count = FlopCounter.count(context.stepOperations(), context::componentOf);
    List<Measurement> measurements = new ArrayList<>();
    measurements.add(new Measurement(TOTAL, Summary.single(count.total(), 1)));
    count.byComponent().forEach((component, flops) -> measurements.add(
        new Measurement(BY_COMPONENT.get(component), Summary.single(flops, 1))));
    count.bytesByComponent().forEach((component, bytes) -> measurements.add(
        new Measurement(BYTES_BY_COMPONENT.get(component), Summary.single(bytes, 1))));
    return measurements;
  }
}
