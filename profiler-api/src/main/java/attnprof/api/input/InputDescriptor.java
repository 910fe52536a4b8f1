package attnprof.api.input;

import attnprof.api.Modality;
import java.util.List;
import java.util.Objects;

/**
 * What an input generator makes.
 *
 * @param id stable id, such as {@code text/token-ids}
 * @param modality the modality whose models it feeds
 * @param lengthUnit the unit of lengths, plural, such as {@code tokens}, {@code seconds}, {@code pixels}
 * @param wholeLengths whether lengths must be whole numbers
 * @param defaultLengths the length grid of the modality's default sweep
 * @param fileTypes the file name extensions it reads, lower case with the dot ({@code .txt})
 * @param summary one sentence on what it generates and how it reads files
 * @since API 1; {@link #builder} since API 2
 */
public record InputDescriptor(
    String id,
    Modality modality,
    String lengthUnit,
    boolean wholeLengths,
    List<Double> defaultLengths,
    List<String> fileTypes,
    String summary) {
  public InputDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(lengthUnit, "lengthUnit");
    defaultLengths = List.copyOf(defaultLengths);
    fileTypes = List.copyOf(fileTypes);
    Objects.requireNonNull(summary, "summary");
  }

  /** A descriptor of the input generator {@code id}, built step by step. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Builds an {@link InputDescriptor} with named steps (modality and length unit required).
   *
   * @since API 2
   */
  public static final class Builder {
    private final String id;
    private Modality modality;
    private String lengthUnit;
    private boolean wholeLengths;
    private List<Double> defaultLengths = List.of();
    private List<String> fileTypes = List.of();
    private String summary = "";

    private Builder(String id) {
      this.id = id;
    }

    public Builder modality(Modality value) {
      modality = value;
      return this;
    }

    /** The unit of lengths, plural, such as {@code tokens}. */
    public Builder lengthUnit(String value) {
      lengthUnit = value;
      return this;
    }

    /** Lengths are whole numbers (tokens, pixels). */
    public Builder wholeLengths() {
      wholeLengths = true;
      return this;
    }

    public Builder defaultLengths(List<Double> values) {
      defaultLengths = values;
      return this;
    }

    /** File name extensions it reads, lower case with the dot. */
    public Builder fileTypes(String... values) {
      fileTypes = List.of(values);
      return this;
    }

    public Builder summary(String value) {
      summary = value;
      return this;
    }

    public InputDescriptor build() {
      return new InputDescriptor(id, modality, lengthUnit, wholeLengths, defaultLengths, fileTypes, summary);
    }
  }
}
