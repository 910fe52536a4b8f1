package attnprof.api.model;

import attnprof.api.ProfilerException;
import java.util.Objects;

/**
 * One configurable parameter of a model variant, such as {@code layers} or {@code window}. Every
 * preset gives it a value; a user can override it with {@code --param name=value}.
 *
 * @param name a stable lower-case name
 * @param type how its values are parsed
 * @param minimum the smallest allowed value of a numeric parameter
 * @param description one sentence a user reads in {@code describe}
 * @param maximum the largest allowed value of a numeric parameter: {@link #DEFAULT_MAXIMUM} unless the
 *     variant states a tighter one, so that a typo ({@code width=99999999999}) is refused before
 *     anything is built
 *
 * @since API 1
 */
public record ParameterSpec(String name, Type type, double minimum, String description, double maximum) {
  /** The largest value of an integer parameter whose variant states none: no model here is that large. */
  public static final long DEFAULT_MAXIMUM = 1_000_000;

  /** How a parameter's text value is parsed. */
  public enum Type { INTEGER, NUMBER, TEXT }

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("parameter name must be lower-case snake case: " + name);
    }
  }

  /** The parameters of a family of variants followed by those of one member. */
  public static java.util.List<ParameterSpec> concat(java.util.List<ParameterSpec> shared, ParameterSpec... own) {
    java.util.List<ParameterSpec> all = new java.util.ArrayList<>(shared);
    all.addAll(java.util.List.of(own));
    return java.util.List.copyOf(all);
  }

  /** An integer parameter whose values are at least {@code minimum} and at most {@link #DEFAULT_MAXIMUM}. */
  public static ParameterSpec integer(String name, long minimum, String description) {
    return integer(name, minimum, DEFAULT_MAXIMUM, description);
  }

  /** An integer parameter whose values are from {@code minimum} to {@code maximum}. */
  public static ParameterSpec integer(String name, long minimum, long maximum, String description) {
    return new ParameterSpec(name, Type.INTEGER, minimum, description, maximum);
  }

  /** A switch: 0 or 1. */
  public static ParameterSpec flag(String name, String description) {
    return integer(name, 0, 1, description);
  }

  /** A real-valued parameter whose values are at least {@code minimum}. */
  public static ParameterSpec number(String name, double minimum, String description) {
    return new ParameterSpec(name, Type.NUMBER, minimum, description, Double.POSITIVE_INFINITY);
  }

  /** A free-text parameter. */
  public static ParameterSpec text(String name, String description) {
    return new ParameterSpec(name, Type.TEXT, Double.NEGATIVE_INFINITY, description, Double.POSITIVE_INFINITY);
  }

  /**
   * Checks a text value against this parameter's type and minimum.
   *
   * @return the value, trimmed
   * @throws ProfilerException a user error saying what is wrong with the value
   */
  public String validate(String value) {
    String trimmed = value.trim();
    if (type == Type.TEXT) {
      return trimmed;
    }
    double number;
    try {
      number = type == Type.INTEGER ? Long.parseLong(trimmed) : Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      throw ProfilerException.user("parameter `" + name + "` needs "
          + (type == Type.INTEGER ? "an integer" : "a number") + ", got `" + value + "`");
    }
    if (number < minimum || Double.isNaN(number)) {
      throw ProfilerException.user("parameter `" + name + "` must be at least "
          + (type == Type.INTEGER ? String.valueOf((long) minimum) : String.valueOf(minimum))
          + ", got " + trimmed);
    }
    if (number > maximum) {
      throw ProfilerException.user("parameter `" + name + "` must be at most "
          + (type == Type.INTEGER ? String.valueOf((long) maximum) : String.valueOf(maximum)) + ", got " + trimmed);
    }
    return trimmed;
  }
}
