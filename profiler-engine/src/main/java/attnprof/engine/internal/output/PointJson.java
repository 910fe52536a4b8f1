package attnprof.engine.internal.output;

import attnprof.api.Mode;
import attnprof.api.metric.Measurement;
import attnprof.engine.format.Json;
import attnprof.engine.result.ForkResult;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointSpec;
import attnprof.engine.result.PointStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Reads a point's JSON (in the database, {@code results.json}), as this release writes it ({@code point} holds what it measures) and as releases
 * before the engine's rebuild wrote it (flat, with {@code variantId} and {@code deviceId}), so that their
 * databases and result files keep opening.
 */
public final class PointJson {
  private PointJson() {
  }


  /** @throws JsonProcessingException when the text is not a point of either form */
  public static PointResult read(String json) throws JsonProcessingException {
    JsonNode tree = Json.mapper().readTree(json);
    if (tree.has("point")) {
      return Json.mapper().treeToValue(tree, PointResult.class);
    }
    var mapper = Json.mapper();
    PointSpec point = new PointSpec(tree.path("variantId").asText(), tree.path("baseline").asText(""),
        tree.path("modality").asText(""), tree.path("preset").asText(""),
        mapper.convertValue(tree.path("config"), new TypeReference<Map<String, String>>() { }),
        tree.path("input").asText(null), tree.path("length").asDouble(), tree.path("lengthUnit").asText(""),
        tree.path("batch").asInt(1), mapper.treeToValue(tree.path("mode"), Mode.class),
        tree.path("deviceId").asText(""), tree.path("refinement").asBoolean());
    return new PointResult(point, mapper.treeToValue(tree.path("status"), PointStatus.class),
        listOf(mapper.convertValue(tree.path("measurements"), new TypeReference<List<Measurement>>() { })),
        tree.path("parameters").asLong(), listOf(mapper.convertValue(tree.path("notes"),
            new TypeReference<List<String>>() { })), tree.path("message").asText(""),
        tree.path("wallSeconds").asDouble(), mapper.convertValue(tree.path("forks"),
            new TypeReference<List<ForkResult>>() { }));
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }
}
