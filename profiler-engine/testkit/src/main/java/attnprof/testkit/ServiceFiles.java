package attnprof.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plugin declares its providers twice: {@code provides} in {@code module-info.java} for the module path,
 * and {@code META-INF/services} files for the class path. This checks that the two say the same.
 */
public final class ServiceFiles {
  private ServiceFiles() {
  }

  /**
   * Each service whose {@code META-INF/services} file does not list exactly the providers that the
   * {@code module-info} of the jar or folder holding {@code member} declares, and how they differ.
   */
  public static List<String> mismatches(Class<?> member) {
    try {
      Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return mismatches(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return mismatches(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> mismatches(Path root) throws IOException {
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    List<String> mismatches = new ArrayList<>();
    for (ModuleDescriptor.Provides provides : descriptor.provides()) {
      Path file = root.resolve("META-INF/services/" + provides.service());
      List<String> listed = !Files.exists(file) ? List.of()
          : Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).split("\n"))
              .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
      if (!listed.equals(provides.providers())) {
        mismatches.add(descriptor.name() + ": META-INF/services/" + provides.service() + " lists " + listed
            + ", module-info provides " + provides.providers());
      }
    }
    return mismatches;
  }
}
