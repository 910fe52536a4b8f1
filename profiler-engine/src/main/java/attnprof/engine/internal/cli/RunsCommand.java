package attnprof.engine.internal.cli;

import attnprof.engine.StoredRunSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof runs}: the runs in the results database. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "Lists the runs stored in the results database (RESULTS/attnprof.db), oldest first.")
final class RunsCommand implements Runnable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  @ParentCommand
  AttnprofCommand root;

  @Override
  public void run() {
    List<StoredRunSummary> runs = root.profiler().storedRuns(root.database());
    if (runs.isEmpty()) {
      root.out.println("no runs in " + root.database());
      return;
    }
    TextTable table = new TextTable("RUN", "STARTED", "LAST POINT", "POINTS", "STATE", "WHAT", "FOLDER");
    for (StoredRunSummary run : runs) {
      String what = (run.variants().isEmpty() ? run.modality() : String.join(",", run.variants())) + " " + run.preset()
          + " on " + run.device();
      String state = run.complete() ? "complete" : "partial: `attnprof " + root.databaseOptions(root.database())
          + "sweep --resume " + run.runId() + "`";
      table.row(run.runId(), TIME.format(run.startedAt()), TIME.format(run.finishedAt()),
          run.stored() + "/" + run.planned(), state, what, run.outputDirectory() == null ? "" : run.outputDirectory());
    }
    root.out.print(table.render());
  }
}
