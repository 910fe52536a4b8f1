package attnprof.engine.internal.fork;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of a child JVM that measures one point: this JVM's java, module path and class
 * path, and the worker's main class in the engine module.
 */
public final class ChildJvm {
  static final String WORKER = "attnprof.engine/attnprof.engine.internal.fork.WorkerMain";

  private ChildJvm() {
  }

  /** The command that measures the fork in {@code jobFile}, talking through {@code workFolder}. */
  public static List<String> command(Path jobFile, Path workFolder) {
    return attnprof.engine.internal.environment.ThisJvm.command(WORKER, jobFile.toString(), workFolder.toString());
  }

  /** What a point past its time limit says. */
  static String timeoutMessage(java.time.Duration timeout) {
    double seconds = timeout.toMillis() / 1000.0;
    return "did not finish within " + (seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
        : String.valueOf(seconds)) + " s";
  }
}
