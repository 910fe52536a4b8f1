package attnprof.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or folder immutable with {@code chattr +i}, as a full or read-only disk would leave it for a writer
 * that is root: nothing can be created in it, deleted from it or renamed in it. Needs root and a file system with
 * the attribute (ext4, xfs); {@link #available} says whether this machine has both, {@link #why} why not.
 */
public final class Immutable {
  private static String unavailable = "";

  private Immutable() {
  }

  /** Whether {@code chattr +i} works in {@code folder} here; tries it on a folder it then removes. */
  public static boolean available(Path folder) {
    if (!"root".equals(System.getProperty("user.name"))) {
      unavailable = "making a folder immutable (chattr +i) needs root";
      return false;
    }
    Path probe = folder.resolve("chattr-probe");
    try {
      Files.createDirectories(probe);
      set(probe, true);
      boolean refused;
      try {
        Files.createFile(probe.resolve("x"));
        refused = false;
      } catch (IOException e) {
        refused = true;
      }
      set(probe, false);
      Files.deleteIfExists(probe.resolve("x"));
      Files.delete(probe);
      unavailable = refused ? "" : "chattr +i did not stop a file being made in " + folder;
      return refused;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      unavailable = "chattr +i does not work in " + folder + ": " + e.getMessage();
      return false;
    }
  }

  /** Why the last {@link #available} answered false. */
  public static String why() {
    return unavailable;
  }

  /** Sets or clears the immutable attribute; quietly does nothing to a path that does not exist. */
  public static void set(Path path, boolean immutable) {
    if (!Files.exists(path)) {
      return;
    }
    try {
      Process chattr = new ProcessBuilder("chattr", immutable ? "+i" : "-i", path.toString())
          .redirectErrorStream(true).start();
      String said = new String(chattr.getInputStream().readAllBytes());
      if (!chattr.waitFor(30, TimeUnit.SECONDS) || chattr.exitValue() != 0) {
        throw new IllegalStateException("chattr " + (immutable ? "+i " : "-i ") + path + " failed: " + said.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
