package attnprof.engine.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers see the old file or the new one, never half of one; the files get the
 * permissions the umask gives new files.
 */
public final class AtomicFiles {
  private AtomicFiles() {
  }

  public static void write(Path file, byte[] bytes) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    // not Files.createTempFile, which makes the file readable by its owner only: results are as readable as
    // the umask allows
    Path temporary = folder.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      Files.write(temporary, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // the write's own failure is the one to tell; a folder that took the file but refuses its removal is rare
      }
    }
  }
}
