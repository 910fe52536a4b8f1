package attnprof.engine.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the SQLite driver's native library is loaded from: one copy per driver version in the user's cache folder
 * ({@code $XDG_CACHE_HOME/attnprof} or {@code ~/.cache/attnprof}), instead of the driver's own copy in the temporary
 * folder, which it deletes only when its JVM exits normally: a killed sweep or measuring process left 1.1 MB behind
 * each time. When the cache folder cannot be used, or the library is set already, the driver does as it does.
 */
final class SqliteLibrary {
  private static final String PATH_PROPERTY = "org.sqlite.lib.path";
  private static final String NAME_PROPERTY = "org.sqlite.lib.name";
  private static boolean prepared;

  private SqliteLibrary() {
  }

  /** Points the driver at the cached copy, making it first; once per process. */
  static synchronized void useCachedCopy() {
    if (prepared || System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    prepared = true;
    try {
      // the driver is a service, not a module this one reads: its classes are reached by name
      Class<?> driver = Class.forName("org.sqlite.JDBC", false, SqliteLibrary.class.getClassLoader());
      String os = (String) Class.forName("org.sqlite.util.OSInfo", true, driver.getClassLoader())
          .getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
      String name = System.mapLibraryName("sqlitejdbc");
      String resource = "/org/sqlite/native/" + os + "/" + name;
      String version = driver.getModule().getDescriptor() == null ? null
          : driver.getModule().getDescriptor().rawVersion().orElse(null);
      Path cache = cacheFolder();
      if (version == null || cache == null) {
        return;
      }
      Path folder = cache.resolve("sqlite-" + version + "-" + os.replace('/', '-'));
      Path library = folder.resolve(name);
      if (!Files.isRegularFile(library)) {
        try (InputStream in = driver.getResourceAsStream(resource)) {
          if (in == null) {
            return;
          }
          Files.createDirectories(folder);
          Path temporary = Files.createTempFile(folder, name, ".tmp");
          try {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(temporary);
          }
        }
      }
      System.setProperty(PATH_PROPERTY, folder.toString());
      System.setProperty(NAME_PROPERTY, name);
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
      // the driver extracts its own copy, as before
    }
  }

  private static Path cacheFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache");
    return base == null || !base.isAbsolute() ? null : base.resolve("attnprof");
  }
}
