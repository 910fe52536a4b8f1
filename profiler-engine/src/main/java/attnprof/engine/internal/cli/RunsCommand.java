package attnprof.engine.internal.cli;

import attnprof.engine.result.StoredRunSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof runs}: the runs in the results database. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "Lists the runs stored in the results database (RESULTS/attnprof.db), oldest first.")
final class RunsCommand implements Runnable {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

  @ParentCommand
  AttnprofCommand root;

  @Mixin
  OutputFormat output;

  /**
   * A stored run, named as in results.json ({@code runId}, {@code startedAt}, {@code finishedAt},
   * {@code complete}); {@code finishedAt} is when its latest point was stored, {@code resume} the command
   * that measures what a partial run is missing, {@code problem} why a run cannot be read (else empty).
   */
  public record RunEntry(String runId, String startedAt, String finishedAt, boolean complete, int planned, int stored,
      List<String> variants, String modality, String preset, String device, String outputDirectory, String resume,
      String problem) {
  }

  @Override
  public void run() {
    List<RunEntry> runs = root.profiler().storedRuns(root.database()).stream().map(this::entry).toList();
    switch (output.format) {
      case json -> OutputFormat.printJson(root.out, java.util.Map.of("runs", runs));
      case csv -> OutputFormat.printCsv(root.out, RunEntry.class, runs);
      case table -> print(runs);
    }
  }

  private RunEntry entry(StoredRunSummary run) {
    return new RunEntry(run.runId(), run.startedAt().toString(), run.finishedAt().toString(), run.complete(),
        run.planned(), run.stored(), run.variants(), run.modality(), run.preset(), run.device(),
        run.outputDirectory() == null ? "" : run.outputDirectory().toString(),
        run.complete() || !run.problem().isEmpty() ? ""
            : "attnprof " + root.databaseOptions(root.database()) + "sweep --resume " + run.runId(), run.problem());
  }

  private void print(List<RunEntry> runs) {
    if (runs.isEmpty()) {
      root.out.println("no runs in " + root.database());
      return;
    }
    TextTable table = new TextTable("RUN", "WHEN", "POINTS", "STATE", "WHAT", "FOLDER").prose(4, 5);
    for (RunEntry run : runs.stream().filter(r -> r.problem().isEmpty()).toList()) {
      String what = (run.variants().isEmpty() ? run.modality() : String.join(", ", run.variants())) + " "
          + run.preset() + " on " + run.device();
      table.row(run.runId(), when(Instant.parse(run.startedAt()), Instant.parse(run.finishedAt())),
          points(run), run.complete() ? "complete" : "partial", what, run.outputDirectory());
    }
    for (RunEntry run : runs.stream().filter(r -> !r.problem().isEmpty()).toList()) {
      table.row(run.runId(), "", "", "unreadable", "", "");
    }
    root.out.print(table.render());
    for (RunEntry run : runs) {
      if (!run.problem().isEmpty()) {
        root.out.println(Terminal.fit(run.runId() + " cannot be read: " + run.problem()));
      } else if (!run.complete()) {
        root.out.println(Terminal.fit(run.runId() + " is partial: `" + run.resume() + "` measures what it misses"));
      }
    }
  }

  /**
   * {@code 6/8} stored of planned; for a complete run that refinement added points to, {@code 8/8 +16}: every
   * planned point, and the points added after the grid.
   */
  static String points(RunEntry run) {
    return run.complete() && run.stored() > run.planned()
        ? run.planned() + "/" + run.planned() + " +" + (run.stored() - run.planned())
        : run.stored() + "/" + run.planned();
  }

  /** {@code 2026-12-02 19:07–19:09}: the start, and when the latest point was stored (its day if another). */
  static String when(Instant started, Instant latest) {
    String day = DAY.format(started);
    String end = DAY.format(latest).equals(day) ? TIME.format(latest) : DAY.format(latest) + " " + TIME.format(latest);
    return day + " " + TIME.format(started) + "\u2013" + end;
  }
}
