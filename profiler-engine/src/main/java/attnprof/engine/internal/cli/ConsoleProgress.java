package attnprof.engine.internal.cli;

import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import attnprof.engine.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress of a sweep as one line per point on the error stream, with the time left. */
final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private final java.nio.file.Path folder;
  private final boolean inProcess;

  ConsoleProgress(PrintStream out, java.nio.file.Path folder, boolean inProcess) {
    this.out = out;
    this.folder = folder;
    this.inProcess = inProcess;
  }

  @Override
  public void sweepStarted(String runId, int points) {
    out.println("attnprof: " + runId + ": " + points + " points" + (inProcess ? ", in this JVM" : ", each in a fresh JVM")
        + (folder == null ? "" : "; results in " + folder));
  }

  @Override
  public void pointFinished(int index, int total, String label, PointResult result, Duration remaining) {
    String width = String.valueOf(total);
    String status = result.status() == PointStatus.OK ? "ok" : result.status().id() + ": " + result.message();
    out.printf(Locale.ROOT, "[%" + width.length() + "d/%s] %s  %s  %.1fs%s%n", index + 1, width, label, status,
        result.wallSeconds(), index + 1 < total ? "  (about " + Formats.duration(remaining) + " left)" : "");
    out.flush();
  }
}
