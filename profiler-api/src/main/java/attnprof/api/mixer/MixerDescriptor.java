package attnprof.api.mixer;

import attnprof.api.Modality;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link MixerProvider} is: its id, paper, the modalities it runs on (and, when it names them, the only
 * bodies it runs on), and its own parameters with a value for each of the {@code tiny}, {@code small} and
 * {@code base} presets. Made with {@link #builder}, so
 * that fields added later leave plugins compiling.
 *
 * @since API 2
 */
public final class MixerDescriptor {
  private final String id;
  private final String displayName;
  private final String paper;
  private final String summary;
  private final Set<Modality> modalities;
  private final Set<String> bodies;
  private final List<ParameterSpec> parameters;
  private final Map<String, Map<String, String>> presetValues;

  private MixerDescriptor(Builder builder) {
    this.id = builder.id;
    this.displayName = builder.displayName == null ? builder.id : builder.displayName;
    this.paper = builder.paper;
    this.summary = builder.summary;
    this.modalities = Set.copyOf(builder.modalities);
    this.bodies = Set.copyOf(builder.bodies);
    this.parameters = List.copyOf(builder.parameters);
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    builder.presetValues.forEach((preset, map) -> values.put(preset, Map.copyOf(map)));
    this.presetValues = Map.copyOf(values);
  }

  /** A descriptor of the mixer {@code id}: lower case, such as {@code linear-attention}. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String paper() {
    return paper;
  }

  public String summary() {
    return summary;
  }

  /** The modalities whose bodies it runs on; empty for every modality. */
  public Set<Modality> modalities() {
    return modalities;
  }

  /** Whether it runs on a body of this modality. */
  public boolean supports(Modality modality) {
    return modalities.isEmpty() || modalities.contains(modality);
  }

  /**
   * The ids of the vanilla models whose bodies alone the mixer runs on (a mixer tuned to one body's sizes), or
   * empty for every body of its modalities.
   *
   * @since API 4
   */
  public Set<String> bodies() {
    return bodies;
  }

  /**
   * Whether the engine composes the mixer with the body of {@code baseline}: a modality it supports, and a body
   * it names when it names any.
   *
   * @since API 4
   */
  public boolean runsOn(attnprof.api.model.VariantDescriptor baseline) {
    return supports(baseline.modality()) && (bodies.isEmpty() || bodies.contains(baseline.id()));
  }

  /** Its own parameters, beside the body's. */
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  /** Its parameters' values in a preset ({@code tiny}, {@code small} or {@code base}). */
  public Map<String, String> presetValues(String preset) {
    return presetValues.getOrDefault(preset, presetValues.getOrDefault(Preset.BASE, Map.of()));
  }

  /** Builds a {@link MixerDescriptor}. */
  public static final class Builder {
    private final String id;
    private String displayName;
    private String paper = "";
    private String summary = "";
    private final Set<Modality> modalities = new LinkedHashSet<>();
    private final Set<String> bodies = new LinkedHashSet<>();
    private final List<ParameterSpec> parameters = new ArrayList<>();
    private final Map<String, Map<String, String>> presetValues = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
      if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
        throw new IllegalArgumentException("a mixer id is lower case, such as `linear-attention`: " + id);
      }
      for (String preset : List.of(Preset.TINY, Preset.SMALL, Preset.BASE)) {
        presetValues.put(preset, new LinkedHashMap<>());
      }
    }

    /** The name people know it by (default: the id). */
    public Builder displayName(String value) {
      displayName = Objects.requireNonNull(value);
      return this;
    }

    /** The paper that introduced it. */
    public Builder paper(String value) {
      paper = Objects.requireNonNull(value);
      return this;
    }

    /** What it does, in a line. */
    public Builder summary(String value) {
      summary = Objects.requireNonNull(value);
      return this;
    }

    /** The modalities it runs on (default: all). */
    public Builder modalities(Modality... values) {
      modalities.addAll(List.of(values));
      return this;
    }

    /** One of its parameters, with its value in the {@code tiny}, {@code small} and {@code base} presets. */
    /**
     * Runs the mixer on these vanilla models' bodies only (by their ids, such as {@code speech/hubert}), for a
     * mixer whose parameters are tuned to one body; without it, on every body of its modalities.
     *
     * @since API 4
     */
    public Builder bodies(String... baselineIds) {
      bodies.addAll(List.of(baselineIds));
      return this;
    }

    public Builder parameter(ParameterSpec spec, String tiny, String small, String base) {
      if (parameters.stream().anyMatch(p -> p.name().equals(spec.name()))) {
        throw new IllegalArgumentException(id + " declares parameter `" + spec.name() + "` twice");
      }
      parameters.add(spec);
      String[] values = {tiny, small, base};
      String[] presets = {Preset.TINY, Preset.SMALL, Preset.BASE};
      for (int i = 0; i < presets.length; i++) {
        spec.validate(values[i]);
        presetValues.get(presets[i]).put(spec.name(), values[i]);
      }
      return this;
    }

    public MixerDescriptor build() {
      return new MixerDescriptor(this);
    }
  }
}
