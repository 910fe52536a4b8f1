package attnprof.api.model;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a model variant is, without building anything.
 *
 * @param id stable id {@code modality/name}, such as {@code text/longformer}
 * @param displayName a short human name, such as {@code Longformer}
 * @param modality the kind of input it consumes
 * @param baseline the id of the vanilla variant it is compared with; empty for a vanilla variant
 * @param paper the publication the variant comes from (authors, title, venue)
 * @param summary one sentence on what is different about its attention
 * @param presets the presets, including {@code tiny}, {@code small} and {@code base}
 * @param parameters every parameter that every preset sets
 * @since API 1; {@link #builder} since API 2: build descriptors with it, so that fields added later leave a
 *     plugin compiling (the canonical constructor changes when a field is added)
 */
public record VariantDescriptor(
    String id,
    String displayName,
    Modality modality,
    String baseline,
    String paper,
    String summary,
    List<Preset> presets,
    List<ParameterSpec> parameters) {

  public VariantDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(summary, "summary");
    presets = List.copyOf(presets);
    parameters = List.copyOf(parameters);
    if (!id.matches("[a-z][a-z0-9-]*/[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException("variant id must look like `modality/name`: " + id);
    }
    Set<String> presetNames = presets.stream().map(Preset::name).collect(Collectors.toSet());
    for (String required : List.of(Preset.TINY, Preset.SMALL, Preset.BASE)) {
      if (!presetNames.contains(required)) {
        throw new IllegalArgumentException(id + " has no `" + required + "` preset");
      }
    }
    Set<String> names = new HashSet<>();
    for (ParameterSpec parameter : parameters) {
      if (!names.add(parameter.name())) {
        throw new IllegalArgumentException(id + " declares parameter `" + parameter.name() + "` twice");
      }
    }
    for (Preset preset : presets) {
      if (!preset.values().keySet().equals(names)) {
        throw new IllegalArgumentException(id + " preset `" + preset.name() + "` must set exactly "
            + names + " but sets " + preset.values().keySet());
      }
      for (ParameterSpec parameter : parameters) {
        parameter.validate(preset.values().get(parameter.name()));
      }
    }
  }

  /** A descriptor of the variant {@code id} ({@code modality/name}), built step by step. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Builds a {@link VariantDescriptor} with named steps: required are the modality and the three presets
   * {@code tiny}, {@code small} and {@code base}; a variant without {@link #baseline} is vanilla.
   *
   * @since API 2
   */
  public static final class Builder {
    private final String id;
    private String displayName;
    private Modality modality;
    private String baseline = "";
    private String paper = "";
    private String summary = "";
    private final java.util.List<Preset> presets = new java.util.ArrayList<>();
    private final java.util.List<ParameterSpec> parameters = new java.util.ArrayList<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** A short human name (default: the id). */
    public Builder displayName(String value) {
      displayName = value;
      return this;
    }

    public Builder modality(Modality value) {
      modality = value;
      return this;
    }

    /** The vanilla variant it is compared with. */
    public Builder baseline(String value) {
      baseline = value;
      return this;
    }

    public Builder paper(String value) {
      paper = value;
      return this;
    }

    public Builder summary(String value) {
      summary = value;
      return this;
    }

    /** A preset; every preset sets every parameter. */
    public Builder preset(Preset value) {
      presets.add(value);
      return this;
    }

    /** Parameters, in the order {@code describe} lists them. */
    public Builder parameters(java.util.List<ParameterSpec> values) {
      parameters.addAll(values);
      return this;
    }

    /** @throws IllegalArgumentException what the descriptor's rules refuse (a missing preset, ...) */
    public VariantDescriptor build() {
      if (modality == null) {
        throw new IllegalArgumentException(id + " has no modality");
      }
      return new VariantDescriptor(id, displayName == null ? id : displayName, modality, baseline, paper, summary,
          presets, parameters);
    }
  }

  /** Whether this is a vanilla model (it has no baseline). */
  public boolean isVanilla() {
    return baseline.isEmpty();
  }

  /**
   * The preset of that name.
   *
   * @throws ProfilerException a user error naming the known presets
   */
  public Preset preset(String name) {
    return presets.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> ProfilerException.user("variant `" + id + "` has no preset `" + name + "`; known: "
            + presets.stream().map(Preset::name).collect(Collectors.joining(", "))));
  }
}
