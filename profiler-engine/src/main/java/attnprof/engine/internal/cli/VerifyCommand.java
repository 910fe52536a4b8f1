package attnprof.engine.internal.cli;

import attnprof.api.ProfilerException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code attnprof verify JAR...}: the conformance suites on plugin jars, a plugin author's loop without Maven. The
 * suites live in the testkit, which the engine does not require: they run in a JVM of their own, on the engine's
 * module path and the testkit's ({@value #TESTKIT_PROPERTY}, which the launcher script sets).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Runs the conformance suites (every check a built-in variant passes: it builds and runs, pads "
        + "without the padding reaching a real token, trains, counts its FLOPs, ...) on plugin jars, as the "
        + "launcher would load them from the plugins folder, and prints one line per check.",
        "Exits 0 when every check passed, 1 when one failed, 2 for a jar it cannot use."})
final class VerifyCommand implements Callable<Integer> {
  /** Where the testkit's modules are: a module path. */
  static final String TESTKIT_PROPERTY = "attnprof.testkit";
  private static final String MAIN = "attnprof.testkit/attnprof.testkit.Verify";

  @Parameters(arity = "1..*", paramLabel = "JAR", description = "plugin jars (modular jars that provide variants or "
      + "mixers)")
  List<Path> jars;

  @Override
  public Integer call() throws Exception {
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        throw ProfilerException.user("no plugin jar at " + jar);
      }
    }
    String testkit = System.getProperty(TESTKIT_PROPERTY, "");
    boolean built = !testkit.isEmpty() && List.of(testkit.split(File.pathSeparator)).stream()
        .allMatch(entry -> Files.exists(Path.of(entry)));
    if (!built) {
      throw ProfilerException.user("the testkit is not built (" + (testkit.isEmpty() ? "no -D" + TESTKIT_PROPERTY
          : testkit) + "): run `mvn -q package -DskipTests`, and use the attnprof launcher");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", System.getProperty("jdk.module.path", "") + File.pathSeparator + testkit,
        "--add-modules", "ALL-MODULE-PATH", "--module", MAIN));
    jars.forEach(jar -> command.add(jar.toAbsolutePath().toString()));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
