package attnprof.engine.internal.store;

import attnprof.engine.request.SweepRequest;
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
 * @param origin the plan it belongs to, for a shard's run or a merged run of a plan; null for a sweep of one machine
 * @param environment where it ran
 */
public record StoredRun(String runId, Instant startedAt, Instant finishedAt, boolean complete, int planned, int stored,
    SweepRequest request, PlanOrigin origin, RunEnvironment environment) {

  /**
   * The plan a run belongs to.
   *
   * @param plan the plan's id (its plan is kept in the database's {@code plans} table)
   * @param shard the shard ({@code I/N}) the run measured, or null for the merge of the plan's shards
   */
  public record PlanOrigin(String plan, String shard) {
  }

  /** The plan the run belongs to, or null. */
  public String plan() {
    return origin == null ? null : origin.plan();
  }

  /** The shard of its plan the run measured, or null for a merged run or a sweep of one machine. */
  public String shard() {
    return origin == null ? null : origin.shard();
  }

  /** The run in the current row of a query of {@code runs} (its eight columns in table order). */
  static StoredRun read(java.sql.ResultSet row, java.nio.file.Path databaseFolder)
      throws java.sql.SQLException, com.fasterxml.jackson.core.JsonProcessingException {
    Instant started = Instant.parse(row.getString(2));
    String finished = row.getString(3);
    var request = StoredRequests.read(row.getString(7), databaseFolder);
    return new StoredRun(row.getString(1), started, finished == null ? started : Instant.parse(finished),
        row.getInt(4) == 1, row.getInt(5), row.getInt(6), request.request(), request.origin(),
        attnprof.engine.format.Json.mapper().readValue(row.getString(8), RunEnvironment.class));
  }

  /** What a user reads of a run that cannot be read, and why. */
  static StoredRunSummary unreadable(String runId, String problem) {
    return new StoredRunSummary(runId, Instant.EPOCH, Instant.EPOCH, false, 0, 0, java.util.List.of(), "", "", "",
        null, problem);
  }

  /** What a user reads of the run. */
  public StoredRunSummary summary() {
    return new StoredRunSummary(runId, startedAt, finishedAt, complete, planned, stored, request.variants(),
        request.modality(), request.preset(), request.device(), request.outputDirectory(), "");
  }
}
