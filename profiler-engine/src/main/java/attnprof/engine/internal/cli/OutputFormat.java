package attnprof.engine.internal.cli;

import attnprof.engine.format.Json;
import attnprof.engine.format.RecordCsv;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --format table|csv|json}: a command's output as a table for people, or as CSV or JSON for
 * scripts and notebooks. JSON uses the field names and spellings of {@code results.json}, with its
 * {@code schemaVersion}; CSV has a header line of the same names and one line per record.
 */
final class OutputFormat {
  /** The formats; lower case, as they are typed. */
  enum Format {
    table, csv, json
  }

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (for people), csv or json (for scripts; field names as in results.json) "
          + "(default: ${DEFAULT-VALUE})")
  Format format = Format.table;

  /** Prints a value as one JSON document, its {@code schemaVersion} first ({@link Json#SCHEMA_VERSION}). */
  static void printJson(PrintStream out, Object value) {
    try {
      var document = Json.mapper().createObjectNode().put("schemaVersion", Json.SCHEMA_VERSION);
      document.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(value));
      out.println(Json.mapper().writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** Prints records as CSV: a header of their component names, a line per record. */
  static <R extends Record> void printCsv(PrintStream out, Class<R> type, List<R> records) {
    out.print(RecordCsv.write(type, records));
  }
}
