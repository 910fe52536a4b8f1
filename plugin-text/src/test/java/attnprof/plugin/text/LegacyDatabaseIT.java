package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.format.Json;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results database written by the release before the engine's rebuild (commit 546a257: a complete tiny text
 * run of 8 points, and a run killed after 2 of its 6 points) still opens, resumes and reports through the real
 * launcher. The database names its runs' folders as that release wrote them, absolute, under
 * {@value #LEGACY_FOLDER}.
 */
class LegacyDatabaseIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));
  private static final String LEGACY_FOLDER = "/tmp/attnprof-legacy-0.1";
  private static final String COMPLETE = "run-20261205-122138";
  private static final String PARTIAL = "run-20261205-122153";

  @AfterEach
  void removeTheLegacyRunFolders() throws Exception {
    deleteTree(Path.of(LEGACY_FOLDER));
  }

  @Test
  void aDatabaseOfThePreviousReleaseOpensResumesAndReports(@TempDir Path folder) throws Exception {
    Path database = folder.resolve("attnprof.db");
    try (InputStream legacy = LegacyDatabaseIT.class.getResourceAsStream("/legacy/attnprof-546a257.db")) {
      Files.copy(legacy, database);
    }

    Outcome runs = LAUNCHER.attnprof("runs", "--db", database.toString(), "--format", "json");
    assertThat(runs.code()).as(runs.err()).isZero();
    List<String> states = new ArrayList<>();
    Json.mapper().readTree(runs.out()).path("runs").forEach(run -> states.add(run.path("runId").asText() + " "
        + run.path("stored").asInt() + "/" + run.path("planned").asInt()));
    assertThat(states).containsExactly(COMPLETE + " 8/8", PARTIAL + " 2/6");

    Outcome tipping = LAUNCHER.attnprof("tipping", COMPLETE, "--db", database.toString(), "--format", "json");
    assertThat(tipping.code()).as(tipping.err()).isZero();
    JsonNode points = tipping(tipping.out());
    assertThat(points).as(tipping.out()).isNotEmpty();
    assertThat(points.get(0).path("variant").asText()).isEqualTo("text/longformer");

    Path report = folder.resolve("report");
    Outcome written = LAUNCHER.attnprof("report", COMPLETE, "--db", database.toString(), "--out", report.toString());
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(Files.readString(report.resolve("index.html"))).contains("text/longformer");

    Outcome resumed = LAUNCHER.attnprof("--db", database.toString(), "sweep", "--resume", PARTIAL);
    assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
    Outcome after = LAUNCHER.attnprof("runs", "--db", database.toString(), "--format", "json");
    List<String> complete = new ArrayList<>();
    Json.mapper().readTree(after.out()).path("runs").forEach(run -> complete.add(run.path("runId").asText() + " "
        + run.path("stored").asInt() + "/" + run.path("planned").asInt() + " " + run.path("complete").asBoolean()));
    assertThat(complete).containsExactly(COMPLETE + " 8/8 true", PARTIAL + " 6/6 true");
  }

  /** The tipping points of a {@code tipping --format json} document. */
  static JsonNode tipping(String json) throws Exception {
    JsonNode document = Json.mapper().readTree(json);
    return document.isArray() ? document : document.path("tippingPoints");
  }

  private static void deleteTree(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
