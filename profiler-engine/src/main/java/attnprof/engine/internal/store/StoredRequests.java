package attnprof.engine.internal.store;

import attnprof.api.Mode;
import attnprof.engine.format.Json;
import attnprof.engine.request.SweepDefaults;
import attnprof.engine.request.SweepRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A run's request as the database keeps it: the {@link SweepRequest} itself, with a format version and the plan
 * the run belongs to; and, to keep older databases opening, the flat request that releases before the engine's
 * rebuild wrote.
 */
final class StoredRequests {
  /** The format this release writes. */
  static final int FORMAT = 2;

  private StoredRequests() {
  }

  /** What the {@code request} column holds. */
  record Document(int format, SweepRequest request, StoredRun.PlanOrigin origin) {
  }

  /**
   * The request column of a run; the folders it writes to are kept relative to the database's folder when they are
   * in it (a results folder copied or moved with its database resumes into the copy, never the original), else
   * absolute (a run is resumed from anywhere).
   */
  static String write(SweepRequest request, StoredRun.PlanOrigin origin, Path databaseFolder)
      throws JsonProcessingException {
    SweepRequest kept = request.toBuilder().outputDirectory(kept(request.outputDirectory(), databaseFolder))
        .traceDirectory(kept(request.traceDirectory(), databaseFolder)).database(null).build();
    return Json.mapper().writeValueAsString(new Document(FORMAT, kept, origin));
  }

  /** A stored request and its run's origin, of this format or the flat one before it; its folders absolute. */
  static Document read(String json, Path databaseFolder) throws JsonProcessingException {
    JsonNode tree = Json.mapper().readTree(json);
    Document document;
    if (tree.has("format")) {
      document = Json.mapper().treeToValue(tree, Document.class);
    } else {
      String plan = text(tree, "plan");
      document = new Document(1, flatRequest(tree), plan == null ? null
          : new StoredRun.PlanOrigin(plan, text(tree, "shard")));
    }
    SweepRequest request = document.request();
    return new Document(document.format(), request.toBuilder()
        .outputDirectory(resolved(request.outputDirectory(), databaseFolder))
        .traceDirectory(resolved(request.traceDirectory(), databaseFolder)).build(), document.origin());
  }

  private static Path kept(Path folder, Path databaseFolder) {
    if (folder == null) {
      return null;
    }
    Path absolute = folder.toAbsolutePath().normalize();
    Path base = databaseFolder.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return absolute;
    }
    Path relative = base.relativize(absolute);
    return relative.toString().isEmpty() ? Path.of(".") : relative;
  }

  private static Path resolved(Path folder, Path databaseFolder) {
    return folder == null || folder.isAbsolute() ? folder
        : databaseFolder.toAbsolutePath().resolve(folder).normalize();
  }

  /** A request as releases before the engine's rebuild stored it: flat, with the plan and shard in it. */
  private static SweepRequest flatRequest(JsonNode flat) {
    SweepRequest.Builder builder = SweepRequest.builder().variants(texts(flat, "variants"))
        .modality(text(flat, "modality")).preset(text(flat, "preset"))
        .lengths(numbers(flat, "lengths")).batches(numbers(flat, "batches").stream().map(Double::intValue).toList())
        .modes(texts(flat, "modes").stream().map(Mode::of).toList()).metrics(texts(flat, "metrics"))
        .device(text(flat, "device")).threads(flat.path("threads").asInt()).runs(flat.path("runs").asInt())
        .warmup(Math.max(1, flat.path("warmup").asInt())).timeout(Duration.ofSeconds(flat.path("timeoutSeconds").asLong()))
        // runs stored before these settings existed take the defaults of their day: one fork, no refinement
        .minTime(Duration.ofMillis(flat.path("minTimeMillis").asLong(0)))
        .forks(flat.path("forks").asInt(1))
        .noise(flat.path("noise").asDouble(SweepDefaults.NOISE_PERCENT / 100.0))
        .refine(text(flat, "refine") == null ? SweepRequest.Refine.NONE : SweepRequest.Refine.of(text(flat, "refine")))
        .refineBudget(Duration.ofSeconds(flat.path("refineBudgetSeconds").asLong(SweepDefaults.REFINE_BUDGET_SECONDS)))
        .inProcess(flat.path("inProcess").asBoolean()).inputs(texts(flat, "inputs").stream().map(Path::of).toList())
        .seed(flat.path("seed").asLong(SweepDefaults.SEED))
        .outputDirectory(text(flat, "outputDirectory") == null ? null : Path.of(text(flat, "outputDirectory")))
        .traceDirectory(text(flat, "traceDirectory") == null ? null : Path.of(text(flat, "traceDirectory")));
    flat.path("params").fields().forEachRemaining(e -> builder.param(e.getKey(), e.getValue().asText()));
    return builder.build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> values = new java.util.ArrayList<>();
    node.path(field).forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<Double> numbers(JsonNode node, String field) {
    List<Double> values = new java.util.ArrayList<>();
    node.path(field).forEach(value -> values.add(value.asDouble()));
    return values;
  }
}
