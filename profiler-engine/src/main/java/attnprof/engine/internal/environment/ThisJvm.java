package attnprof.engine.internal.environment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start another JVM like this one: its java, its module path and class path. */
public final class ThisJvm {
  private ThisJvm() {
  }

  /**
   * The command of a JVM like this one (its module and class path) running {@code main} ({@code module/class}) with
   * {@code args}.
   */
  public static List<String> command(String main, String... args) {
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
    command.add(main);
    command.addAll(List.of(args));
    return command;
  }
}
