package attnprof.engine.internal.measure;

import attnprof.api.ProfilerException;
import attnprof.engine.result.PointStatus;
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
}
