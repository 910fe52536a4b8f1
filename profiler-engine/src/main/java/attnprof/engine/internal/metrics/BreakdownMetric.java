package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.StepTrace;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import attnprof.api.model.Component;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a step's time goes: the ops of steps traced one op at a time ({@link
 * attnprof.api.metric.MeasurementContext#tracedStepsOneOpAtATime}) summed by component, in milliseconds
 * (the median over the steps, with their spread) and as shares of the medians' sum. Each op counts its
 * share of the wall time ({@link ConcurrentShares}): should ops still overlap, they split the moments they
 * share, so no component is charged twice for the same cores. In training, gradients and weight updates count for the component they differentiate or
 * update. {@code breakdown.unscoped.share} is the part of {@code other} that carried no component at all:
 * a plugin that scopes its ops badly shows there.
 */
public final class BreakdownMetric extends StepReadingMetric {
  /** The metric id of the per-component breakdown. */
  public static final String ID = "breakdown";
  private static final Map<Component, Quantity> TIME = new EnumMap<>(Component.class);
  private static final Map<Component, Quantity> SHARE = new EnumMap<>(Component.class);
  static final Quantity UNSCOPED = new Quantity("breakdown.unscoped.share", Unit.PERCENT, Direction.NEITHER,
      "part of one traced step's busy time spent in ops with no component scope (counted in other)");
  private static final MetricDescriptor DESCRIPTOR;

  static {
    List<Quantity> quantities = new ArrayList<>();
    for (Component component : Component.values()) {
      String name = component.scopeName();
      TIME.put(component, new Quantity(ID + "." + name, Unit.MILLISECONDS, Direction.NEITHER,
          "time of one step, traced with its ops one at a time, spent in the " + name + " component"));
      SHARE.put(component, new Quantity(ID + "." + name + ".share", Unit.PERCENT, Direction.NEITHER,
          "part of one traced step's busy time (ops one at a time) spent in the " + name + " component"));
    }
    quantities.addAll(TIME.values());
    quantities.addAll(SHARE.values());
    quantities.add(UNSCOPED);
    DESCRIPTOR = new MetricDescriptor(ID, "Component breakdown", quantities, false,
        "one step traced with its ops one at a time, its time summed by component (embedding, attention, feed_forward, norm, other)");
  }



  public BreakdownMetric() {
    super(DESCRIPTOR);
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    List<StepTrace> traces = context.tracedStepsOneOpAtATime();
    Map<Component, double[]> millis = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      millis.put(component, new double[traces.size()]);
    }
    double[] unscoped = new double[traces.size()];
    for (int step = 0; step < traces.size(); step++) {
      StepTrace trace = traces.get(step);
      double[] shares = ConcurrentShares.of(trace.nodes());
      for (int i = 0; i < shares.length; i++) {
        Optional<Component> component = context.componentOf(trace.nodes().get(i).name());
        millis.get(component.orElse(Component.OTHER))[step] += shares[i] / 1000.0;
        if (component.isEmpty()) {
          unscoped[step] += shares[i] / 1000.0;
        }
      }
    }
    // each component's median over the steps, so that a pause in one step moves no reading
    Map<Component, Summary> times = new EnumMap<>(Component.class);
    millis.forEach((component, perStep) -> times.put(component, Summary.of(perStep)));
    double total = times.values().stream().mapToDouble(Summary::median).sum();
    List<Measurement> measurements = new ArrayList<>();
    times.forEach((component, time) -> measurements.add(new Measurement(TIME.get(component), time,
        java.util.Arrays.stream(millis.get(component)).boxed().toList())));
    times.forEach((component, time) -> measurements.add(
        new Measurement(SHARE.get(component), Summary.single(percent(time.median(), total), traces.size()))));
    measurements.add(new Measurement(UNSCOPED,
        Summary.single(percent(Summary.of(unscoped).median(), total), traces.size())));
    return measurements;
  }

  private static double percent(double part, double total) {
    return total == 0 ? 0 : 100.0 * part / total;
  }
}
