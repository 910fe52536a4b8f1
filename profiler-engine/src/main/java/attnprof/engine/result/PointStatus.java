package attnprof.engine.result;

import java.util.Locale;

/** How the measurement of one point ended. Every status but {@link #OK} is still a result. */
public enum PointStatus {
  /** Measured. */
  OK,
  /** Ran out of memory (TensorFlow's allocator, the JVM heap, or the OS killed the process). */
  OOM,
  /** Did not finish within the time limit per point. */
  TIMEOUT,
  /** Failed for another reason; the point's message says why. */
  ERROR,
  /**
   * Never started: the process or a file it needs could not be made (a full disk, a folder that became
   * unwritable). Not a measurement: it is not stored, the run is not complete, and a resumed run
   * measures the point.
   */
  NOT_RUN;

  /** The lower-case name used in results ({@code not-run}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
