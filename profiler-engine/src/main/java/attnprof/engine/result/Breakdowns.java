package attnprof.engine.result;

import attnprof.api.model.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The component breakdowns in a run's figures, one per measured point. */
public final class Breakdowns {
  private static final String PREFIX = "breakdown.";

  private Breakdowns() {
  }

  /**
   * Where one point's time went.
   *
   * @param millis summed op time per component, every component present
   * @param shares each component's share of the summed op time, percent
   * @param unscopedShare the share of ops with no component scope (part of {@code other}), percent
   * @param flops the step's counted FLOPs, if they were measured
   * @param componentFlops the counted FLOPs per component, empty when they were not measured
   * @param componentBytes the bytes each component's computing ops read and write, empty when not measured
   */
  public record Entry(String variant, double length, String lengthUnit, String mode, int batch, String input,
      Map<Component, Double> millis, Map<Component, Double> shares, double unscopedShare, Optional<Double> flops,
      Map<Component, Double> componentFlops, Map<Component, Double> componentBytes) {

    public double totalMillis() {
      return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * A component's FLOPs over its traced time, in GFLOP/s: how well its ops use the machine (derived;
     * NaN without FLOPs or time).
     */
    public double gflopsPerSecond(Component component) {
      Double count = componentFlops.get(component);
      double time = millis.getOrDefault(component, 0.0);
      return count == null || time <= 0 ? Double.NaN : count / (time / 1000) / 1e9;
    }

    /** A component's arithmetic intensity: its FLOPs per byte its ops read and write (NaN without both). */
    public double intensity(Component component) {
      Double count = componentFlops.get(component);
      Double bytes = componentBytes.get(component);
      return count == null || bytes == null || bytes <= 0 ? Double.NaN : count / bytes;
    }
  }

  /** The breakdown of every point whose rows hold one, by mode, variant and length. */
  public static List<Entry> of(List<Figure> rows) {
    record Key(String variant, double length, String mode, int batch, String input) {
    }
    Map<Key, List<Figure>> byPoint = new LinkedHashMap<>();
    for (Figure row : rows) {
      if (row.ok() && (row.metric().startsWith(PREFIX) || row.metric().startsWith("flops"))) {
        byPoint.computeIfAbsent(new Key(row.variant(), row.length(), row.mode().id(), row.batch(), row.input()),
            k -> new ArrayList<>()).add(row);
      }
    }
    List<Entry> entries = new ArrayList<>();
    byPoint.forEach((key, pointRows) -> {
      Map<String, Double> values = new LinkedHashMap<>();
      pointRows.forEach(r -> values.put(r.metric(), r.value()));
      if (!values.containsKey(PREFIX + Component.ATTENTION.scopeName())) {
        return;
      }
      Map<Component, Double> millis = new EnumMap<>(Component.class);
      Map<Component, Double> shares = new EnumMap<>(Component.class);
      Map<Component, Double> componentFlops = new EnumMap<>(Component.class);
      Map<Component, Double> componentBytes = new EnumMap<>(Component.class);
      for (Component component : Component.values()) {
        Double count = values.get("flops." + component.scopeName());
        if (count != null) {
          componentFlops.put(component, count);
        }
        Double bytes = values.get("flops.bytes." + component.scopeName());
        if (bytes != null) {
          componentBytes.put(component, bytes);
        }
        millis.put(component, values.getOrDefault(PREFIX + component.scopeName(), 0.0));
        shares.put(component, values.getOrDefault(PREFIX + component.scopeName() + ".share", 0.0));
      }
      entries.add(new Entry(key.variant(), key.length(), pointRows.get(0).lengthUnit(), key.mode(), key.batch(),
          key.input(), millis, shares, values.getOrDefault(PREFIX + "unscoped.share", 0.0),
          Optional.ofNullable(values.get("flops")), componentFlops, componentBytes));
    });
    entries.sort(Comparator.comparing(Entry::mode).thenComparing(Entry::variant).thenComparing(Entry::input)
        .thenComparingInt(Entry::batch).thenComparingDouble(Entry::length));
    return entries;
  }
}
