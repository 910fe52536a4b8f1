package attnprof.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs attnprof the ways a user does, for plugins' integration tests: the {@code attnprof} script
 * at the repository root, or the engine alone with a plugins folder. Tests run from a module's
 * folder, so the repository root is its parent.
 */
public final class Launcher {
  private final Path root;
  private final Duration timeout;

  private Launcher(Path root, Duration timeout) {
    this.root = root;
    this.timeout = timeout;
  }

  /** What a run printed and how it ended. */
  public record Outcome(int code, String out, String err) {
  }

  /** The launcher of the repository at {@code root}, such as a nested module's {@code ../..}. */
  public static Launcher fromRoot(Path root, Duration timeout) {
    return new Launcher(root.toAbsolutePath().normalize(), timeout);
  }

  /** The launcher of the repository whose module folder is the working directory. */
  public static Launcher fromModuleFolder(Duration timeout) {
    return new Launcher(Path.of("..").toAbsolutePath().normalize(), timeout);
  }

  /** Runs {@code ./attnprof ARGS}. */
  public Outcome attnprof(String... args) {
    return attnprofWithEnvironment(java.util.Map.of(), args);
  }

  /** Runs {@code ./attnprof ARGS} with these variables added to its environment, as a scheduler sets them. */
  public Outcome attnprofWithEnvironment(java.util.Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("attnprof").toString());
    command.addAll(List.of(args));
    return run(command, environment);
  }

  /**
   * Runs the engine's module alone, without the plugins the script puts on the module path, with
   * {@code --plugins FOLDER} before {@code args}: what a user who drops jars into a folder runs.
   */
  public Outcome engineWithPluginsFolder(Path plugins, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", root.resolve("profiler-engine/target/profiler-engine.jar") + File.pathSeparator
            + root.resolve("profiler-engine/target/modules"),
        "--module", "attnprof.engine/attnprof.engine.internal.cli.Main", "--plugins", plugins.toString()));
    command.addAll(List.of(args));
    return run(command, java.util.Map.of());
  }

  /**
   * Starts {@code ./attnprof ARGS} without waiting, its output going to {@code log}: for tests that
   * stop a sweep part-way. The script replaces itself with the JVM, so the process is the launcher's JVM.
   */
  public Process startAttnprof(Path log, String... args) throws IOException {
    return startAttnprofWithEnvironment(java.util.Map.of(), log, args);
  }

  /** As {@link #startAttnprof}, with these variables added to its environment. */
  public Process startAttnprofWithEnvironment(java.util.Map<String, String> environment, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("attnprof").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private Outcome run(List<String> command, java.util.Map<String, String> environment) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("attnprof-out", ".txt");
      err = Files.createTempFile("attnprof-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " ran past " + timeout + "; its output so far:\n"
            + Files.readString(err));
      }
      return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is not worth failing a test for
      }
    }
  }
}
