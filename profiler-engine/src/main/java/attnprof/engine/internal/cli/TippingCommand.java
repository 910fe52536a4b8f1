package attnprof.engine.internal.cli;

import attnprof.engine.result.TippingPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof tipping RESULTS}: the tipping-point table of an earlier sweep. */
@Command(name = "tipping", mixinStandardHelpOptions = true,
    description = {"Prints the tipping-point table of an earlier sweep: a run id in the results database, a results "
        + "folder, results.json or results.csv.",
        "From results.csv the intervals come from each point's summary only (its median's interval), since the "
            + "runs of each measuring process are not in it."})
final class TippingCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Parameters(index = "0", paramLabel = "RESULTS",
      description = "a run id, results.json, results.csv, or the folder holding one")
  String results;

  @Mixin
  OutputFormat output;

  @Override
  public void run() {
    Path path = Path.of(results);
    if (Files.isRegularFile(path) && size(path) == 0) {
      throw attnprof.api.ProfilerException.user("`" + results + "` is empty: it holds no results");
    }
    boolean file = results.contains("/") || results.endsWith(".json") || results.endsWith(".csv") || Files.exists(path);
    boolean csv = results.endsWith(".csv")
        || (Files.isDirectory(path) && !Files.isRegularFile(path.resolve("results.json")));
    List<TippingPoint> points;
    if (!file) {
      points = root.profiler().storedResult(root.database(), results).tippingPoints();
    } else if (csv || !Files.exists(path)) {
      points = root.profiler().tippingPoints(root.profiler().readResults(path));
    } else {
      points = root.profiler().findResult(root.database(), results).tippingPoints();
    }
    switch (output.format) {
      case json -> OutputFormat.printJson(root.out, java.util.Map.of("tippingPoints", points));
      case csv -> OutputFormat.printCsv(root.out, TippingPoint.class, points);
      case table -> TippingTables.printTippingPoints(root.out, points);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw attnprof.api.ProfilerException.user("cannot read `" + file + "`: " + e.getMessage());
    }
  }
}
