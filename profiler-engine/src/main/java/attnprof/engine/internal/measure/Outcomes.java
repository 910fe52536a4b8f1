package attnprof.engine.internal.measure;

import attnprof.api.ProfilerException;
import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import attnprof.engine.internal.sweep.PointJob;
import java.util.List;
import java.util.Map;
import org.tensorflow.exceptions.TFResourceExhaustedException;

/** How a failure becomes a point's status and one-line message. */
public final class Outcomes {
  private Outcomes() {
  }

  /** Out-of-memory for TensorFlow's resource exhaustion and the JVM's {@link OutOfMemoryError}; else an error. */
  public static PointStatus classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TFResourceExhaustedException || t instanceof OutOfMemoryError) {
        return PointStatus.OOM;
      }
    }
    return PointStatus.ERROR;
  }

  /** The failure as one line: the message of the most telling exception in the chain. */
  public static String message(Throwable e) {
    if (e instanceof ProfilerException) {
      return oneLine(e.getMessage());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? "" : root.getMessage();
    return oneLine(root.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text));
  }

  static String oneLine(String text) {
    String line = text.replaceAll("\\s*\\R\\s*", " ").trim();
    return line.length() > 500 ? line.substring(0, 497) + "..." : line;
  }

  /** The result of a point that failed before its variant was known. */
  static PointResult failure(PointJob job, String baseline, String lengthUnit, Throwable e, double seconds) {
    return new PointResult(job.variantId(), baseline == null ? "" : baseline, "", job.preset(), Map.of(),
        job.length(), lengthUnit, job.batch(), job.mode(), job.deviceId(), classify(e), List.of(), 0, List.of(),
        message(e), seconds);
  }
}
