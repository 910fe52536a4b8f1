package attnprof.engine.internal.store;

import attnprof.api.ProfilerException;
import attnprof.engine.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run's results folder, which holds one run: a merge or a shard that would write into the folder of another run
 * (a sweep's, another shard's) is refused before it writes anything, instead of replacing that run's files.
 */
public final class RunFolder {
  private static final String RESULTS_JSON = "results.json";

  private RunFolder() {
  }

  /**
   * Refuses {@code folder} for run {@code runId} when it holds another run: a {@code results.json} of another run,
   * or a database in it with another run.
   *
   * @param option the option that named the folder, for the message
   * @throws ProfilerException a user error naming the run the folder holds
   */
  public static void refuseAnotherRun(Path folder, String runId, String option) {
    Optional<String> other = jsonRun(folder).filter(id -> !id.equals(runId));
    if (other.isEmpty() && Files.isRegularFile(folder.resolve(ResultStore.FILE_NAME))) {
      try (ResultStore store = ResultStore.openExisting(folder.resolve(ResultStore.FILE_NAME))) {
        other = store.runs().stream().map(StoredRun::runId).filter(id -> !id.equals(runId)).findFirst();
      }
    }
    other.ifPresent(id -> {
      throw ProfilerException.user(option + " " + folder + " holds the results of another run (" + id
          + "); give a new folder, or " + runId + "'s own");
    });
  }

  private static Optional<String> jsonRun(Path folder) {
    Path file = folder.resolve(RESULTS_JSON);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      var id = Json.mapper().readTree(file.toFile()).get("runId");
      return Optional.ofNullable(id == null || id.isNull() ? null : id.asText());
    } catch (IOException e) {
      throw ProfilerException.user(folder + " holds a results.json that cannot be read (" + e.getMessage()
          + "); give a new folder");
    }
  }
}
