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
