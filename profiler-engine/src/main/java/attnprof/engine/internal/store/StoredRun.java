package attnprof.engine.internal.store;

import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.StoredRunSummary;
import java.time.Instant;

/**
 * A run in the results database.
 *
 * @param runId its id
 * @param startedAt when it started
 * @param finishedAt when its latest point ended, or it ended
 * @param complete whether every planned point is stored
 * @param planned how many points it planned
 * @param stored how many are stored
 * @param request what it was asked to measure
 * @param environment where it ran
 */
public record StoredRun(String runId, Instant startedAt, Instant finishedAt, boolean complete, int planned, int stored,
    StoredRequest request, RunEnvironment environment) {

  /** What a user reads of the run. */
  public StoredRunSummary summary() {
    return new StoredRunSummary(runId, startedAt, finishedAt, complete, planned, stored, request.variants(),
        request.modality(), request.preset(), request.device(),
        request.outputDirectory() == null ? null : java.nio.file.Path.of(request.outputDirectory()));
  }
}
