package attnprof.engine.plugins;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.input.InputGenerator;
import attnprof.api.metric.Metric;
import attnprof.api.model.ModelVariant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every plugin provider that loaded, by id, and a diagnostic for every one that did not. Immutable.
 * Lookups of unknown ids throw user errors that name the known ids; an id that two providers
 * claimed throws the error that names both.
 */
public final class PluginRegistry {
  private final Map<String, ModelVariant> variants;
  private final Map<String, InputGenerator> inputs;
  private final Map<String, Metric> metrics;
  private final Map<String, DeviceAdapter> devices;
  private final Map<String, String> brokenIds;
  private final List<PluginDiagnostic> diagnostics;

  /**
   * @param brokenIds ids that cannot be used, with the reason (a duplicate, say)
   */
  public PluginRegistry(Collection<ModelVariant> variants, Collection<InputGenerator> inputs,
      Collection<Metric> metrics, Collection<DeviceAdapter> devices, Map<String, String> brokenIds,
      List<PluginDiagnostic> diagnostics) {
    this.variants = index(variants, v -> v.descriptor().id());
    this.inputs = index(inputs, g -> g.descriptor().id());
    this.metrics = index(metrics, m -> m.descriptor().id());
    this.devices = index(devices, d -> d.descriptor().family());
    this.brokenIds = Map.copyOf(brokenIds);
    this.diagnostics = List.copyOf(diagnostics);
  }

  private static <T> Map<String, T> index(Collection<T> providers, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T provider : providers) {
      T previous = map.putIfAbsent(id.apply(provider), provider);
      if (previous != null) {
        throw new IllegalArgumentException("duplicate id " + id.apply(provider));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  public Collection<ModelVariant> variants() {
    return variants.values();
  }

  public Collection<InputGenerator> inputs() {
    return inputs.values();
  }

  public Collection<Metric> metrics() {
    return metrics.values();
  }

  public Collection<DeviceAdapter> devices() {
    return devices.values();
  }

  /** What went wrong while loading, one entry per problem. */
  public List<PluginDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** The variant of that id, or a user error naming the known ones. */
  public ModelVariant variant(String id) {
    return find(variants, "variant", id);
  }

  /** The metric of that id, or a user error naming the known ones. */
  public Metric metric(String id) {
    return find(metrics, "metric", id);
  }

  /** The modality of an id a user gave, or a user error naming the known modalities. */
  public Modality modality(String id) {
    try {
      return Modality.of(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProfilerException.user("`" + id + "` is not a modality; known modalities: " + modalities());
    }
  }

  /** The input generator for a modality, or a user error. */
  public InputGenerator inputFor(Modality modality) {
    return inputs.values().stream().filter(g -> g.descriptor().modality().equals(modality)).findFirst()
        .orElseThrow(() -> ProfilerException.user("no input generator for modality `" + modality
            + "`; is its plugin installed? known modalities: " + modalities()));
  }

  /** The adapter that handles a device id ({@code cpu}, {@code cuda:0}), or a user error naming the known devices. */
  public DeviceAdapter device(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    Optional<DeviceAdapter> adapter = devices.values().stream().filter(d -> d.handles(deviceId)).findFirst();
    if (adapter.isPresent()) {
      return adapter.get();
    }
    String family = deviceId.contains(":") ? deviceId.substring(0, deviceId.indexOf(':')) : deviceId;
    if (brokenIds.containsKey(family)) {
      throw ProfilerException.user(brokenIds.get(family));
    }
    throw ProfilerException.user("no device `" + deviceId + "`; known: " + String.join(", ", devices.keySet()));
  }

  /** The modalities some variant or input generator serves, sorted. */
  public List<String> modalities() {
    return java.util.stream.Stream.concat(
            variants.values().stream().map(v -> v.descriptor().modality().id()),
            inputs.values().stream().map(g -> g.descriptor().modality().id()))
        .distinct().sorted().toList();
  }

  private <T> T find(Map<String, T> map, String kind, String id) {
    T found = map.get(id);
    if (found != null) {
      return found;
    }
    if (brokenIds.containsKey(id)) {
      throw ProfilerException.user(brokenIds.get(id));
    }
    throw ProfilerException.user("no " + kind + " `" + id + "`; known: "
        + (map.isEmpty() ? "none (is a plugin missing?)" : String.join(", ", map.keySet())));
  }
}
