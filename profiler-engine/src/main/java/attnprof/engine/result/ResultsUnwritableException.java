package attnprof.engine.result;

import attnprof.api.ProfilerException;

/**
 * A sweep stopped because its results folder could not be written (made read-only, the disk full) while its points
 * went on being stored in the results database: the run is partial, and resuming it once the folder can be written
 * measures what it misses and writes every file again. A user error, said in one line.
 */
public final class ResultsUnwritableException extends ProfilerException {
  private static final long serialVersionUID = 1L;

  private final String runId;

  public ResultsUnwritableException(String runId, String message) {
    super(Kind.USER, message, null);
    this.runId = runId;
  }

  /** The stored run to resume, or null when the sweep had no database. */
  public String runId() {
    return runId;
  }
}
