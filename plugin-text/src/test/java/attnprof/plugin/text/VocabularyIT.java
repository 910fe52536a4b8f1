package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.format.CsvFormat;
import attnprof.engine.format.Json;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One vocabulary in every output: a point read through {@code results.csv}, {@code results.json}, the database and
 * the launcher's {@code --format json} has the same field names and the same spellings everywhere, under one
 * {@code schemaVersion}.
 */
class VocabularyIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));

  @Test
  void aPointReadsAlikeInTheCsvTheJsonTheDatabaseAndEveryCommandsJson(@TempDir Path folder) throws Exception {
    Path results = folder.resolve("results");
    Outcome sweep = LAUNCHER.attnprof("--results", results.toString(), "sweep", "--variants",
        "text/bert,text/longformer", "--preset", "tiny", "--lengths", "16,32", "--mode", "inference", "--metrics",
        "latency", "--runs", "2", "--forks", "1", "--min-time", "0", "--refine", "none");
    assertThat(sweep.code()).as(sweep.err()).isZero();
    Path run;
    try (Stream<Path> runs = Files.list(results)) {
      run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    String runId = run.getFileName().toString();

    Map<String, String> csv = csvRow(run.resolve("results.csv"));
    JsonNode document = Json.mapper().readTree(run.resolve("results.json").toFile());
    Map<String, String> json = jsonRow(document.path("rows"));
    Map<String, String> database = databaseRow(results.resolve("attnprof.db"));

    assertThat(document.path("schemaVersion").asInt()).isEqualTo(Json.SCHEMA_VERSION);
    assertThat(json).as("results.json's row against results.csv's").isEqualTo(csv);
    assertThat(database).as("the database's row against results.csv's").isEqualTo(csv);
    assertThat(csv).containsEntry("runId", runId).containsEntry("variant", "text/longformer")
        .containsEntry("mode", "inference").containsEntry("device", "cpu").containsEntry("status", "ok")
        .containsEntry("direction", "lower");

    JsonNode point = pointOf(document.path("points"));
    assertThat(point.path("status").asText()).isEqualTo(csv.get("status"));
    for (String field : List.of("variant", "baseline", "mode", "device", "input", "lengthUnit", "preset")) {
      assertThat(point.path("point").path(field).asText()).as(field).isEqualTo(csv.get(field));
    }
    assertThat(point.path("measurements").get(0).path("quantity").path("direction").asText())
        .isEqualTo(csv.get("direction"));

    JsonNode tipping = command("tipping", runId, "--results", results.toString());
    assertThat(tipping.path("tippingPoints")).isEqualTo(document.path("tippingPoints"));
    assertThat(tipping.path("tippingPoints").get(0).path("verdict").asText()).matches("[a-z-]+");
    JsonNode runs = command("runs", "--results", results.toString());
    JsonNode stored = runs.path("runs").get(0);
    assertThat(stored.path("runId").asText()).isEqualTo(runId);
    assertThat(stored.path("device").asText()).isEqualTo(csv.get("device"));
    assertThat(stored.has("outputDirectory")).isTrue();
    JsonNode compare = command("compare", runId, runId, "--results", results.toString());
    JsonNode line = compare.path("quantities").get(0);
    for (String field : List.of("variant", "mode", "input", "lengthUnit", "metric", "unit")) {
      assertThat(line.has(field)).as(field).isTrue();
    }
    assertThat(line.path("mode").asText()).isEqualTo("inference");
  }

  /** A command's {@code --format json}: one document with the schema version. */
  private static JsonNode command(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--format", "json"));
    Outcome outcome = LAUNCHER.attnprof(all.toArray(String[]::new));
    assertThat(outcome.code()).as(outcome.err()).isZero();
    JsonNode document = Json.mapper().readTree(outcome.out());
    assertThat(document.path("schemaVersion").asInt()).as(String.join(" ", args)).isEqualTo(Json.SCHEMA_VERSION);
    return document;
  }

  private static boolean isThePoint(Map<String, String> row) {
    return row.get("variant").equals("text/longformer") && Double.parseDouble(row.get("length")) == 32
        && row.get("metric").equals("latency");
  }

  private static Map<String, String> csvRow(Path file) throws Exception {
    List<List<String>> lines = CsvFormat.parse(Files.readString(file));
    for (List<String> line : lines.subList(1, lines.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < lines.get(0).size(); i++) {
        row.put(lines.get(0).get(i), line.get(i));
      }
      if (isThePoint(row)) {
        return normalised(row);
      }
    }
    throw new AssertionError("no row of the point in " + file);
  }

  private static Map<String, String> jsonRow(JsonNode rows) {
    for (JsonNode node : rows) {
      Map<String, String> row = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        row.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
      }
      if (isThePoint(row)) {
        return normalised(row);
      }
    }
    throw new AssertionError("no row of the point in results.json");
  }

  private static Map<String, String> databaseRow(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM measurements")) {
      ResultSetMetaData columns = rows.getMetaData();
      while (rows.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          if (!columns.getColumnName(i).equals("pointKey")) {
            Object value = rows.getObject(i);
            row.put(columns.getColumnName(i), value == null ? "" : value.toString());
          }
        }
        if (isThePoint(row)) {
          return normalised(row);
        }
      }
    }
    throw new AssertionError("no row of the point in " + file);
  }

  private static JsonNode pointOf(JsonNode points) {
    for (JsonNode point : points) {
      if (point.path("point").path("variant").asText().equals("text/longformer")
          && point.path("point").path("length").asDouble() == 32) {
        return point;
      }
    }
    throw new AssertionError("no such point in results.json");
  }

  /** Numbers compared as numbers (CSV writes 32, JSON 32.0), flags as true/false (SQLite keeps 1/0). */
  private static Map<String, String> normalised(Map<String, String> row) {
    Map<String, String> normal = new LinkedHashMap<>();
    row.forEach((name, value) -> normal.put(name, normalisedValue(name, value)));
    return normal;
  }

  private static String normalisedValue(String name, String value) {
    if (name.equals("refinement")) {
      return String.valueOf(value.equals("true") || value.equals("1"));
    }
    try {
      double number = Double.parseDouble(value);
      return String.format(Locale.ROOT, "%.9g", number);
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
