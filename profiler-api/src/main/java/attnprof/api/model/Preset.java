package attnprof.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named, complete set of parameter values of a model variant. Every variant offers {@code tiny}
 * (for tests: seconds, not minutes), {@code small} (the default run) and {@code base} (the
 * published configuration).
 *
 * @param name the preset's name
 * @param description what the preset is, in a few words (for {@code base}: which checkpoint)
 * @param values a value for every parameter of the variant, in declaration order
 *
 * @since API 1
 */
public record Preset(String name, String description, Map<String, String> values) {
  public static final String TINY = "tiny";
  public static final String SMALL = "small";
  public static final String BASE = "base";

  public Preset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Preset values made from others: {@code base} with the given names set to the given values,
   * such as {@code Preset.values(encoder, "window", "512")}.
   *
   * @param namesAndValues name, value, name, value...
   */
  public static Map<String, String> values(Map<String, String> base, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, String> values = new LinkedHashMap<>(base);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** A copy of this preset with some values replaced or added. */
  public Preset with(String newName, String newDescription, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(changes);
    return new Preset(newName, newDescription, merged);
  }
}
