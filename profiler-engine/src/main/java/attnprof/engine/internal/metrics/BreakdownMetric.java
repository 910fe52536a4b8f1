package attnprof.engine.internal.metrics;

import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.NodeStats;
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
 * Where a step's time goes: the op times of one traced step summed by component, in milliseconds and
 * as shares of the summed op time. Ops run in parallel on several cores, so the sum can exceed the
 * step's wall time; the shares are what to read. In training, gradients and weight updates count for
 * the component they differentiate or update. {@code breakdown.unscoped.share} is the part of
 * {@code other} that carried no component at all: a plugin that scopes its ops badly shows there.
 */
public final class BreakdownMetric implements Metric {
  static final String ID = "breakdown";
  private static final Map<Component, Quantity> TIME = new EnumMap<>(Component.class);
  private static final Map<Component, Quantity> SHARE = new EnumMap<>(Component.class);
  static final Quantity UNSCOPED = new Quantity("breakdown.unscoped.share", Unit.PERCENT, Direction.NEITHER,
      "share of the summed op time spent in ops with no component scope (counted in other)");
  private static final MetricDescriptor DESCRIPTOR;

  static {
    List<Quantity> quantities = new ArrayList<>();
    for (Component component : Component.values()) {
      String name = component.scopeName();
      TIME.put(component, new Quantity(ID + "." + name, Unit.MILLISECONDS, Direction.NEITHER,
          "summed op time of the " + name + " component in one traced step"));
      SHARE.put(component, new Quantity(ID + "." + name + ".share", Unit.PERCENT, Direction.NEITHER,
          "share of the summed op time of one traced step spent in the " + name + " component"));
    }
    quantities.addAll(TIME.values());
    quantities.addAll(SHARE.values());
    quantities.add(UNSCOPED);
    DESCRIPTOR = new MetricDescriptor(ID, "Component breakdown", quantities, false,
        "op times of one traced step summed by component (embedding, attention, feed_forward, norm, other)");
  }

  @Override
  public MetricDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    StepTrace trace = context.tracedStep();
    Map<Component, Long> micros = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      micros.put(component, 0L);
    }
    long unscoped = 0;
    for (NodeStats node : trace.nodes()) {
      Optional<Component> component = context.componentOf(node.name());
      micros.merge(component.orElse(Component.OTHER), node.durationMicros(), Long::sum);
      if (component.isEmpty()) {
        unscoped += node.durationMicros();
      }
    }
    long total = micros.values().stream().mapToLong(Long::longValue).sum();
    List<Measurement> measurements = new ArrayList<>();
    micros.forEach((component, time) -> measurements.add(
        new Measurement(TIME.get(component), Summary.single(time / 1000.0, 1))));
    micros.forEach((component, time) -> measurements.add(
        new Measurement(SHARE.get(component), Summary.single(percent(time, total), 1))));
    measurements.add(new Measurement(UNSCOPED, Summary.single(percent(unscoped, total), 1)));
    return measurements;
  }

  private static double percent(long part, long total) {
    return total == 0 ? 0 : 100.0 * part / total;
  }
}
