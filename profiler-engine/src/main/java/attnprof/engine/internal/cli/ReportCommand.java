package attnprof.engine.internal.cli;

import attnprof.engine.result.SweepResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof report RUN}: the charts and HTML report of a run. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a run's charts (PNG and SVG) and its self-contained HTML report (index.html), "
        + "as a sweep does when it ends: for a stopped run, or into another folder."})
final class ReportCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Parameters(index = "0", paramLabel = "RUN", description = "a run id in the results database, or a results folder")
  String run;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: the run's own results folder)")
  Path out;

  @Option(names = "--against", paramLabel = "RUN", description = "another run of the same variants against another "
      + "form of their baseline (a sweep with --param attention=chunked, say): its tipping points beside this run's")
  String against;

  @Override
  public void run() {
    SweepResult result = root.profiler().findResult(root.database(), run);
    SweepResult other = against == null ? null : root.profiler().findResult(root.database(), against);
    Path folder = out != null ? out : result.outputDirectory();
    if (folder == null) {
      throw attnprof.api.ProfilerException.user("run " + run + " has no results folder; give one with --out DIR");
    }
    Path index = root.profiler().writeReport(result, folder, null, other);
    root.out.println(Terminal.fit("report: " + index + " (charts in " + index.resolveSibling("charts") + ")"));
  }
}
