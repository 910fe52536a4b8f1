package attnprof.engine.internal.cli;

import attnprof.engine.Profiler;
import attnprof.engine.SweepRequest;
import attnprof.engine.SweepResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code attnprof sweep}: measures variants over lengths and prints the tipping points. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures variants x lengths x batch sizes x modes x metrics, each point in a fresh JVM, "
        + "writes CSV and JSON as it goes, and prints the tipping points.",
        "With no options: the text modality on the small preset over its default length grid."})
final class SweepCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--variants", split = ",", paramLabel = "ID", description = "variant ids (default: every variant of --modality)")
  List<String> variants = new ArrayList<>();

  @Option(names = "--modality", defaultValue = SweepRequest.DEFAULT_MODALITY,
      description = "the modality to sweep when no --variants are given (default: ${DEFAULT-VALUE})")
  String modality;

  @Mixin
  PointOptions point;

  @Option(names = "--batch", split = ",", paramLabel = "B", defaultValue = "1",
      description = "batch sizes for throughput and memory; latency is at batch 1 (default: ${DEFAULT-VALUE})")
  List<Integer> batches;

  @Option(names = "--metrics", split = ",", paramLabel = "ID", defaultValue = "latency,throughput,peak-memory,breakdown,flops",
      description = "metric ids (default: ${DEFAULT-VALUE})")
  List<String> metrics;

  @Option(names = "--runs", defaultValue = "5", description = "timed runs per point (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--warmup", defaultValue = "2", description = "untimed warm-up runs per point (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--inputs", split = ",", paramLabel = "FILE", description = "real input files to profile instead of synthetic inputs")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "this run's results folder (default: RESULTS/RUN_ID); the database is attnprof.db beside it")
  Path out;

  @Option(names = "--resume", paramLabel = "RUN",
      description = "resume a stored run that was stopped: measure only its missing points, with its own settings")
  String resume;

  @Override
  public void run() {
    Profiler profiler = root.profiler();
    SweepResult result;
    Path folder;
    if (resume != null) {
      var stored = profiler.storedRuns(root.database()).stream().filter(r -> r.runId().equals(resume)).findFirst();
      folder = stored.map(attnprof.engine.StoredRunSummary::outputDirectory).orElse(null);
      stored.ifPresent(r -> root.err.println("attnprof: resuming " + resume + ": " + r.stored() + " of " + r.planned()
          + " points stored"));
      result = profiler.resume(root.database(), resume, new ConsoleProgress(root.err, folder, point.inProcess));
    } else {
      String runId = profiler.newRunId();
      folder = out != null ? out : root.results.resolve(runId);
      for (int n = 2; out == null && java.nio.file.Files.exists(folder); n++) {
        folder = root.results.resolve(runId + "-" + n);
      }
      SweepRequest request = point.applyTo(SweepRequest.builder())
          .variants(variants).modality(modality).batches(batches).metrics(metrics).runs(runs).warmup(warmup)
          .inputs(inputs).outputDirectory(folder)
          .build();
      result = profiler.sweep(request, new ConsoleProgress(root.err, folder, point.inProcess));
    }
    PrintStream outStream = root.out;
    outStream.println();
    TippingTables.printFigures(outStream, result.rows());
    TippingTables.printTippingPoints(outStream, result.tippingPoints());
    outStream.println();
    if (folder != null) {
      outStream.println("results: " + folder + " (results.csv, results.json, charts/, index.html); database: "
          + attnprof.engine.internal.sweep.SweepRunner.databaseOf(folder));
    }
  }
}
