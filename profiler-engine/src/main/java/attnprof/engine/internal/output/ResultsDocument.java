package attnprof.engine.internal.output;

import attnprof.engine.format.Json;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import java.util.List;

/**
 * The JSON form of a sweep's results.
 *
 * @param schemaVersion the version of the names and spellings of every output ({@link Json#SCHEMA_VERSION})
 * @param runId the run
 * @param startedAt ISO-8601 start time
 * @param finishedAt ISO-8601 end time
 * @param complete whether every planned point has a result
 * @param environment where it ran
 * @param points every point with its measurements
 * @param rows the flat rows, as in the CSV
 * @param tippingPoints the tipping points, with their 95% intervals and how each was found
 * @param comparisons each efficient variant against its baseline at each length: ratio, interval, verdict
 */
public record ResultsDocument(int schemaVersion, String runId, String startedAt, String finishedAt, boolean complete,
    RunEnvironment environment, List<PointResult> points, List<ResultRow> rows, List<TippingPoint> tippingPoints,
    List<LengthComparison> comparisons) {

  static ResultsDocument of(SweepResult result) {
    return new ResultsDocument(Json.SCHEMA_VERSION, result.runId(), result.startedAt().toString(), result.finishedAt().toString(),
        result.complete(), result.environment(), result.points(), result.rows(), result.tippingPoints(),
        result.comparisons());
  }

  /**
   * A document as this release writes it, or as releases before the engine's rebuild did ({@code format} 2: rows
   * with {@code run} and {@code better}, flat points), read into this release's form.
   */
  static ResultsDocument read(String json) throws java.io.IOException {
    var mapper = Json.mapper();
    com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(json);
    if (tree == null || !tree.isObject()) {
      throw new java.io.IOException("not a JSON object");
    }
    if (!tree.has("schemaVersion")) {
      com.fasterxml.jackson.databind.node.ObjectNode document = (com.fasterxml.jackson.databind.node.ObjectNode) tree;
      document.path("rows").forEach(row -> ResultRow.FORMER_NAMES.forEach((name, former) -> {
        if (row instanceof com.fasterxml.jackson.databind.node.ObjectNode fields && fields.has(former)) {
          fields.set(name, fields.remove(former));
        }
      }));
      com.fasterxml.jackson.databind.node.ArrayNode points = mapper.createArrayNode();
      for (com.fasterxml.jackson.databind.JsonNode point : document.path("points")) {
        points.add(mapper.valueToTree(PointJson.read(point.toString())));
      }
      document.set("points", points);
      document.put("schemaVersion", Json.SCHEMA_VERSION);
    }
    return mapper.treeToValue(tree, ResultsDocument.class);
  }
}
