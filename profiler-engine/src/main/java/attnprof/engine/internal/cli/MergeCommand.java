package attnprof.engine.internal.cli;

import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.MergeResult;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof merge}: the shards of a planned sweep as one run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Combines the shard results of a planned sweep into one run, with its tipping points, charts "
        + "and report, as if one machine had run it; reports which planned points are missing or failed."})
final class MergeCommand implements java.util.concurrent.Callable<Integer> {
  /** Exit code of a merge that lacks some planned points. */
  static final int INCOMPLETE = 3;

  @ParentCommand
  AttnprofCommand root;

  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "shard results folders (or their databases)")
  List<Path> shards;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "the merged run's folder; its database is DIR/attnprof.db")
  Path out;

  @Option(names = "--allow-mixed-devices", description = "merge shards measured on different device models")
  boolean allowMixedDevices;

  @Override
  public Integer call() {
    MergeResult merged = root.profiler().merge(shards, out, allowMixedDevices);
    root.out.println();
    TippingTables.printFigures(root.out, merged.result().figures());
    TippingTables.printComparisons(root.out, merged.result().comparisons());
    TippingTables.printTippingPoints(root.out, merged.result().tippingPoints());
    root.out.println();
    int stored = merged.planned() - merged.missing().size();
    root.out.println("coverage: " + stored + " of " + merged.planned() + " planned points stored"
        + (merged.failed().isEmpty() ? "" : ", " + merged.failed().size() + " of them failed"));
    merged.missing().forEach(line -> root.out.println("  missing: " + line));
    merged.failed().forEach(line -> root.out.println("  failed: " + line));
    root.out.println(Terminal.fit("merged run " + merged.result().runId() + ": " + out + " (results.csv, results.json, "
        + "charts/, index.html); database: " + out.resolve(SweepRequest.DATABASE_FILE_NAME)));
    return merged.missing().isEmpty() ? 0 : INCOMPLETE;
  }
}
