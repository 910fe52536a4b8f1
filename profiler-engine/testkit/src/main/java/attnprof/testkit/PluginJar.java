package attnprof.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A third-party plugin jar made in a test: Java sources compiled by the JDK's {@code javac} against the
 * modules the engine runs with ({@code profiler-engine/target/modules} of the repository whose module folder, or
 * nested module folder, is the working directory), then packed as a modular jar, as a plugin author would ship
 * one.
 */
public final class PluginJar {
  private PluginJar() {
  }

  /**
   * Compiles {@code sources} (file path inside the source tree, such as {@code module-info.java}, to its
   * text) and writes the classes to {@code jar}.
   */
  public static Path build(Path jar, Map<String, String> sources) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("plugin-jar");
    Path sourceRoot = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> arguments = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d", classes.toString(), "--module-path",
        engineModules().toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    Path messages = work.resolve("javac.txt");
    Process javac = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(messages.toFile()).start();
    if (javac.waitFor() != 0) {
      throw new IllegalStateException("the test plugin did not compile:\n" + Files.readString(messages));
    }
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path entry : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(entry));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The engine's modules of the repository above the working directory. */
  private static Path engineModules() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path modules = folder.resolve("profiler-engine").resolve("target").resolve("modules");
      if (Files.isDirectory(modules)) {
        return modules;
      }
    }
    throw new IllegalStateException("no profiler-engine/target/modules above " + Path.of("").toAbsolutePath()
        + ": build the engine first");
  }
}
