package attnprof.engine.result;

import attnprof.api.ProfilerException;
import attnprof.engine.format.CsvFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A dataset's lengths from a file: a column of a CSV or JSON file, or a histogram of lengths and counts. */
public final class LengthFiles {
  private LengthFiles() {
  }

  /**
   * The lengths in one column of a CSV file (with a header; {@code column} by name, else the first column whose
   * values are all numbers) or a JSON file (an array of numbers, an array of objects with the field {@code column},
   * or an object with such an array under {@code column}).
   */
  public static LengthDistribution column(Path file, String column, String unit) {
    String text = read(file);
    List<Double> lengths = text.stripLeading().startsWith("[") || text.stripLeading().startsWith("{")
        ? jsonColumn(file, text, column) : csvColumns(file, text, column == null ? List.of() : List.of(column), 1)
            .get(0);
    try {
      return LengthDistribution.ofSamples(unit, lengths, lengths.size() + " lengths of " + file, 0);
    } catch (IllegalArgumentException e) {
      throw ProfilerException.user(file + ": " + e.getMessage());
    }
  }

  /** A histogram: a CSV file with a header and two columns, {@code length} and {@code count}, a row per bin. */
  public static LengthDistribution histogram(Path file, String unit) {
    List<List<Double>> columns = csvColumns(file, read(file), List.of("length", "count"), 2);
    try {
      return new LengthDistribution(unit, columns.get(0), columns.get(1), "the histogram " + file, 0);
    } catch (IllegalArgumentException e) {
      throw ProfilerException.user(file + ": " + e.getMessage());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw ProfilerException.user("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** {@code count} numeric columns: those named, else the first columns whose every value is a number. */
  private static List<List<Double>> csvColumns(Path file, String text, List<String> names, int count) {
    List<List<String>> lines = CsvFormat.parse(text).stream().filter(line -> !String.join("", line).isBlank())
        .toList();
    if (lines.size() < 2) {
      throw ProfilerException.user(file + " has no rows of lengths under a header");
    }
    List<String> header = lines.get(0).stream().map(String::strip).toList();
    List<Integer> picked = new ArrayList<>();
    for (String name : names) {
      int index = header.indexOf(name);
      if (index < 0 && names.size() == 1) {
        throw ProfilerException.user(file + " has no column `" + name + "`; its columns: " + String.join(", ", header));
      }
      if (index >= 0) {
        picked.add(index);
      }
    }
    for (int c = 0; picked.size() < count && c < header.size(); c++) {
      int index = c;
      if (!picked.contains(c) && lines.subList(1, lines.size()).stream()
          .allMatch(line -> index < line.size() && number(line.get(index)) != null)) {
        picked.add(c);
      }
    }
    if (picked.size() < count) {
      throw ProfilerException.user(file + " has no " + (count == 1 ? "column" : count + " columns")
          + " of numbers" + (names.isEmpty() ? "" : " named " + String.join(" and ", names)));
    }
    List<List<Double>> columns = new ArrayList<>();
    for (int index : picked) {
      List<Double> values = new ArrayList<>();
      for (List<String> line : lines.subList(1, lines.size())) {
        Double value = index < line.size() ? number(line.get(index)) : null;
        if (value == null) {
          throw ProfilerException.user(file + ": `" + (index < line.size() ? line.get(index) : "")
              + "` in column `" + header.get(index) + "` is not a number");
        }
        values.add(value);
      }
      columns.add(checked(file, values));
    }
    return columns;
  }

  private static List<Double> jsonColumn(Path file, String text, String column) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ProfilerException.user(file + " is not JSON: " + e.getOriginalMessage());
    }
    JsonNode array = root.isObject() && column != null ? root.path(column) : root;
    if (!array.isArray()) {
      throw ProfilerException.user(file + " holds no array of lengths" + (column == null ? "" : " under `" + column
          + "`"));
    }
    List<Double> values = new ArrayList<>();
    for (JsonNode element : array) {
      JsonNode value = element.isObject() && column != null ? element.path(column) : element;
      if (!value.isNumber()) {
        throw ProfilerException.user(file + ": `" + value + "` is not a length"
            + (element.isObject() && column == null ? " (name its field with --column)" : ""));
      }
      values.add(value.asDouble());
    }
    return checked(file, values);
  }

  private static List<Double> checked(Path file, List<Double> values) {
    if (values.stream().anyMatch(value -> !(value >= 0) || Double.isInfinite(value))) {
      throw ProfilerException.user(file + " holds a negative or non-finite number where lengths and counts are");
    }
    return values;
  }

  private static Double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
