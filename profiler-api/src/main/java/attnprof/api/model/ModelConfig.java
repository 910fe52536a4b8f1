package attnprof.api.model;

import attnprof.api.ProfilerException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The resolved configuration a model is built from: a preset's values with the user's overrides
 * applied, each checked against its {@link ParameterSpec}. Immutable.
 *
 * @param preset the name of the preset it started from
 * @param values every parameter's value, in the variant's declaration order
 * @param overridden the names of the parameters the user overrode
 *
 * @since API 1
 */
public record ModelConfig(String preset, Map<String, String> values, java.util.Set<String> overridden) {

  public ModelConfig {
    Objects.requireNonNull(preset, "preset");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    overridden = java.util.Set.copyOf(overridden);
  }

  /**
   * Resolves a preset of a variant and applies overrides.
   *
   * @throws ProfilerException a user error for an unknown preset, an unknown parameter (naming the
   *     known ones) or a value that does not fit its parameter
   */
  public static ModelConfig resolve(VariantDescriptor variant, String presetName, Map<String, String> overrides) {
    Preset preset = variant.preset(presetName);
    Map<String, ParameterSpec> specs = variant.parameters().stream()
        .collect(Collectors.toMap(ParameterSpec::name, p -> p, (a, b) -> a, LinkedHashMap::new));
    Map<String, String> values = new LinkedHashMap<>(preset.values());
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      ParameterSpec spec = specs.get(override.getKey());
      if (spec == null) {
        throw ProfilerException.user("variant `" + variant.id() + "` has no parameter `" + override.getKey()
            + "`; known: " + String.join(", ", specs.keySet()));
      }
      values.put(spec.name(), spec.validate(override.getValue()));
    }
    return new ModelConfig(preset.name(), values, overrides.keySet());
  }

  /** The text value of a parameter. */
  public String text(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no parameter `" + name + "` in " + values.keySet());
    }
    return value;
  }

  /** The integer value of a parameter. */
  public int integer(String name) {
    return Math.toIntExact(Long.parseLong(text(name)));
  }

  /**
   * The value of a parameter that lists positive integers separated by commas ({@code 2,2,6,2}).
   *
   * @throws ProfilerException a user error naming the parameter when the value is not such a list
   */
  public java.util.List<Integer> integers(String name) {
    String value = text(name);
    try {
      java.util.List<Integer> list = java.util.Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf)
          .toList();
      if (list.stream().anyMatch(v -> v < 1)) {
        throw new NumberFormatException();
      }
      return list;
    } catch (NumberFormatException e) {
      throw ProfilerException.user("parameter `" + name + "` needs positive integers separated by commas, got `"
          + value + "`");
    }
  }

  /** The real value of a parameter. */
  public double number(String name) {
    return Double.parseDouble(text(name));
  }

  /** A copy with some values replaced, for builders that derive a configuration (tests, references). */
  public ModelConfig with(Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(changes);
    java.util.Set<String> changed = new java.util.HashSet<>(overridden);
    changed.addAll(changes.keySet());
    return new ModelConfig(preset, merged, changed);
  }

  /**
   * Requires one integer parameter to be a multiple of another ({@code width} of {@code heads}).
   *
   * @throws ProfilerException a user error naming both when it is not
   */
  public void requireMultiple(String name, String divisorName) {
    long value = integer(name);
    long divisor = integer(divisorName);
    if (value % divisor != 0) {
      throw attnprof.api.ProfilerException.user("parameter `" + name + "` (" + value + ") must be a multiple of `"
          + divisorName + "` (" + divisor + ")");
    }
  }
}
