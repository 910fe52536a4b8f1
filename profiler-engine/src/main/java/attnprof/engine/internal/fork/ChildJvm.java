package attnprof.engine.internal.fork;

import java.nio.file.Path;
import java.util.ArrayList;
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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      command.add("--module-path");
      command.add(modulePath);
      command.add("--add-modules");
      command.add("ALL-MODULE-PATH");
    }
    String classPath = System.getProperty("java.class.path");
    if (classPath != null && !classPath.isEmpty()) {
      command.add("--class-path");
      command.add(classPath);
    }
    command.add("--module");
    command.add(WORKER);
    command.add(jobFile.toString());
    command.add(workFolder.toString());
    return command;
  }

  /** What a point past its time limit says. */
  static String timeoutMessage(java.time.Duration timeout) {
    double seconds = timeout.toMillis() / 1000.0;
    return "did not finish within " + (seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
        : String.valueOf(seconds)) + " s";
  }
}
