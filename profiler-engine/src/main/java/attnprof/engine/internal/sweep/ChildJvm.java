package attnprof.engine.internal.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that measures one point: this JVM's java, module path and class
 * path, and the worker's main class in the engine module.
 */
public final class ChildJvm {
  static final String WORKER = "attnprof.engine/attnprof.engine.internal.worker.WorkerMain";

  private ChildJvm() {
  }

  /** The command that measures the job in {@code jobFile} and writes its result to {@code resultFile}. */
  public static List<String> command(Path jobFile, Path resultFile) {
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
    command.add(resultFile.toString());
    return command;
  }
}
