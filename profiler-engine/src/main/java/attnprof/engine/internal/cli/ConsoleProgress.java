package attnprof.engine.internal.cli;

import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a sweep on the error stream. On a terminal: a line per finished point and, below them,
 * a progress bar with the point being measured, the time spent and the estimated time left, redrawn
 * every second. Elsewhere (CI, pipes, files): only the line per finished point, with the time left.
 */
final class ConsoleProgress implements ProgressListener {
  /** Set by the launcher when its error stream is a terminal. */
  static final String TERMINAL_PROPERTY = "attnprof.terminal";
  private static final int BAR_WIDTH = 24;
  /** How much a fresh estimate of the time left counts against the previous one. */
  private static final double WEIGHT = 0.5;

  private final PrintStream out;
  private final Path folder;
  private final boolean inProcess;
  private final boolean terminal;
  private final int columns;
  private ScheduledExecutorService ticker;
  /** What the run is, said as it starts (after every check passed), or null. */
  private String heading;
  private ScheduledFuture<?> ticking;
  private long sweepStart;
  private long pointStart;
  private int done;
  private int total;
  private String current = "";
  /** The smoothed estimate of the time left, in seconds, as it stood at {@link #estimatedAt}; null: none yet. */
  private Double remaining;
  private long estimatedAt;

  ConsoleProgress(PrintStream out, Path folder, boolean inProcess) {
    this(out, folder, inProcess, Boolean.getBoolean(TERMINAL_PROPERTY), Terminal.columns());
  }

  ConsoleProgress(PrintStream out, Path folder, boolean inProcess, boolean terminal, int columns) {
    this.out = out;
    this.folder = folder;
    this.inProcess = inProcess;
    this.terminal = terminal;
    this.columns = columns;
  }

  /** Says {@code line} as the sweep starts: once it is checked and about to measure. */
  ConsoleProgress withHeading(String line) {
    heading = line;
    return this;
  }

  @Override
  public synchronized void sweepStarted(String runId, int points, int steps) {
    if (heading != null) {
      out.println(Terminal.fit(heading, columns));
    }
    total = steps;
    sweepStart = System.nanoTime();
    out.println(Terminal.fit("attnprof: " + runId + ": " + points + " points in " + steps + " steps (each step: a "
        + "length's variants timed side by side" + (inProcess ? " in this JVM" : " in a fresh JVM") + ")"
        + (folder == null ? "" : "; results in " + folder), columns));
    if (terminal && steps > 0) {
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attnprof-progress");
        thread.setDaemon(true);
        return thread;
      });
      ticking = ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    }
  }

  @Override
  public synchronized void stepStarted(int index, int total, String label) {
    this.total = total;
    current = label;
    pointStart = System.nanoTime();
    redraw();
  }

  @Override
  public synchronized void stepFinished(int index, int total, String label, List<PointResult> results,
      double seconds, Duration left) {
    this.total = total;
    done = index + 1;
    Duration smoothed = estimate(left, System.nanoTime());
    String width = String.valueOf(total);
    String line = String.format(Locale.ROOT, "[%" + width.length() + "d/%s] %s  %s  %.1fs%s", index + 1, width, label,
        status(results), seconds, !terminal && index + 1 < total ? "  (about " + Formats.duration(smoothed) + " left)"
        : "");
    if (terminal) {
      out.print("\r\033[K");
    }
    out.println(Terminal.fit(line, columns));
    current = "";
    redraw();
  }

  /** {@code ok}, or what did not end ok: {@code text/x timeout: did not finish within 15 s}. */
  static String status(List<PointResult> results) {
    List<String> failed = new java.util.ArrayList<>();
    for (PointResult result : results) {
      if (result.status() != PointStatus.OK) {
        failed.add(result.variant() + " " + result.status().id() + ": " + result.message());
      }
    }
    return failed.isEmpty() ? "ok" : String.join("; ", failed);
  }

  @Override
  public synchronized void refining(String why, int steps) {
    if (terminal) {
      out.print("\r\033[K");
    }
    out.println(Terminal.fit("attnprof: refining tipping points, " + steps + " more steps: " + why, columns));
    redraw();
  }

  @Override
  public synchronized void sweepFinished(attnprof.engine.result.SweepResult result) {
    if (ticking != null) {
      ticking.cancel(false);
      ticker.shutdownNow();
    }
    if (terminal) {
      out.print("\r\033[K");
      out.flush();
    }
  }

  private synchronized void redraw() {
    if (!terminal || total == 0) {
      return;
    }
    out.print("\r\033[K" + bar(System.nanoTime()));
    out.flush();
  }

  /**
   * Takes in a fresh estimate of the time left and returns the one to show: the first as it is, then
   * each halfway between the fresh one and the previous one counted down since, so that one step that
   * reveals slower points (the first training step) moves it by half, not all at once.
   */
  Duration estimate(Duration fresh, long now) {
    double seconds = fresh.toMillis() / 1000.0;
    remaining = remaining == null ? seconds : left(now).toMillis() / 1000.0 * (1 - WEIGHT) + seconds * WEIGHT;
    estimatedAt = now;
    return left(now);
  }

  /** The smoothed estimate counted down to {@code now}. */
  private Duration left(long now) {
    double seconds = Math.max(0, remaining - (now - estimatedAt) / 1e9);
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** The bar as drawn at {@code now}: how far, how long so far, how long left, and what runs. */
  String bar(long now) {
    int filled = total == 0 ? 0 : (int) Math.round(BAR_WIDTH * (double) done / total);
    StringBuilder bar = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled))
        .append("] ").append(done).append('/').append(total).append("  ")
        .append(Formats.duration(Duration.ofNanos(now - sweepStart))).append(" spent");
    if (done < total) {
      bar.append(remaining == null ? ", estimating\u2026" : ", about " + Formats.duration(left(now)) + " left");
    }
    if (!current.isEmpty()) {
      bar.append("  now: ").append(current).append(" (").append(Formats.duration(Duration.ofNanos(now - pointStart)))
          .append(')');
    }
    return bar.length() >= columns ? bar.substring(0, columns - 1) : bar.toString();
  }
}
