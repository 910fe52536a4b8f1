package attnprof.engine.internal.point;

import attnprof.engine.result.Lengths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Stable ids of planned points: a hash of everything that decides what a point measures and how (the
 * variant, its every resolved parameter, length, mode, batch, input, metrics, seed, threads and the sweep's
 * measuring settings), the device and the attnprof version. Folders and machines do not enter it, so a
 * point planned on a login node has the same id on the node that runs it.
 */
public final class PointIds {
  private PointIds() {
  }

  /**
   * @param settings the sweep settings every point shares: runs, time, warm-up, forks, time limit
   * @param version the attnprof version
   */
  public static String of(Point job, String settings, String version) {
    StringBuilder text = new StringBuilder();
    text.append("version=").append(version).append('\n')
        .append("device=").append(job.device()).append('\n')
        .append("variant=").append(job.variant()).append('\n')
        .append("preset=").append(job.preset()).append('\n')
        .append("config=").append(new TreeMap<>(job.config())).append('\n')
        .append("length=").append(Lengths.exact(job.length())).append('\n')
        .append("mode=").append(job.mode().id()).append('\n')
        .append("batch=").append(job.batch()).append('\n')
        .append("threads=").append(job.threads()).append('\n')
        .append("metrics=").append(job.metrics()).append('\n')
        .append("seed=").append(job.seed()).append('\n')
        .append("input=").append(input(job)).append('\n')
        .append("settings=").append(settings).append('\n');
    return hash(text.toString()).substring(0, 16);
  }

  /** A real input by its name and size, not its folder, which differs between machines. */
  private static String input(Point job) {
    if (job.inputFile() == null) {
      return "synthetic";
    }
    Path file = Path.of(job.inputFile());
    long size;
    try {
      size = Files.size(file);
    } catch (java.io.IOException e) {
      size = -1;
    }
    return file.getFileName() + ":" + size;
  }

  /** SHA-256 of a text, in hex. */
  public static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
