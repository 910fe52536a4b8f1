package attnprof.plugin.text;

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
 * modules the engine runs with, then packed as a modular jar, as a plugin author would ship one.
 */
final class PluginJar {
  private PluginJar() {
  }

  /**
   * Compiles {@code sources} (file path inside the source tree, such as {@code module-info.java}, to its
   * text) and writes the classes to {@code jar}.
   */
  static Path build(Path jar, Map<String, String> sources) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("plugin-jar");
    Path sourceRoot = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> arguments = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d", classes.toString(), "--module-path",
        Path.of("..", "profiler-engine", "target", "modules").toAbsolutePath().toString()));
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
}
