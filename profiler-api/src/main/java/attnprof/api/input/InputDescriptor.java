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
}
