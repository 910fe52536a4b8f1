package attnprof.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The kind of input a model consumes. Open for extension: a plugin may introduce a new modality by
 * id, and the three of the study have constants.
 *
 * @param id lower-case stable id, such as {@code text}
 *
 * @since API 1
 */
public record Modality(String id) {
  public static final Modality TEXT = new Modality("text");
  public static final Modality SPEECH = new Modality("speech");
  public static final Modality VISION = new Modality("vision");

  public Modality {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("modality id must be lower-case letters, digits and '-': " + id);
    }
  }

  /** Parses a user-given modality name, ignoring case. */
  public static Modality of(String id) {
    return new Modality(id.trim().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return id;
  }
}
