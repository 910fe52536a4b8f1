package attnprof.engine.internal.sweep;

import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import java.util.List;
import java.util.Map;

/** Results for points whose measuring process gave none of its own. */
final class ChildResults {
  private ChildResults() {
  }

  /** A result that says only which point it is; callers set its status with {@link PointResult#failed}. */
  static PointResult placeholder(PointJob job) {
    return new PointResult(job.variantId(), "", "", job.preset(), Map.of(), job.length(), "", job.batch(), job.mode(),
        job.deviceId(), PointStatus.ERROR, List.of(), 0, List.of(), "", 0);
  }

  /** What a point past its time limit says. */
  static String timeoutMessage(java.time.Duration timeout) {
    double seconds = timeout.toMillis() / 1000.0;
    return "did not finish within " + (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds))
        + " s";
  }

  /** The status and message of a child JVM that exited without writing a result. */
  static PointResult fromExit(PointJob job, int exitCode, String lastLogLine, double seconds) {
    if (exitCode == 137 || exitCode == 9) {
      return placeholder(job).failed(PointStatus.OOM,
          "the measuring process was killed (SIGKILL), most likely by the system for running out of memory", seconds);
    }
    String detail = lastLogLine.isEmpty() ? "" : ": " + lastLogLine;
    return placeholder(job).failed(PointStatus.ERROR,
        "the measuring process exited with code " + exitCode + " and no result" + detail, seconds);
  }
}
