package attnprof.engine.internal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof tipping RESULTS}: the tipping-point table of an earlier sweep. */
@Command(name = "tipping", mixinStandardHelpOptions = true,
    description = "Prints the tipping-point table from a results file (results.json or results.csv) or folder.")
final class TippingCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Parameters(index = "0", paramLabel = "RESULTS", description = "results.json, results.csv, or the folder holding one")
  Path results;

  @Override
  public void run() {
    var rows = root.profiler().readResults(results);
    TippingTables.printTippingPoints(root.out, root.profiler().tippingPoints(rows));
  }
}
