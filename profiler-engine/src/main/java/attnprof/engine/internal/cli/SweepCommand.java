package attnprof.engine.internal.cli;

import attnprof.api.Mode;
import attnprof.engine.Profiler;
import attnprof.engine.SweepRequest;
import attnprof.engine.SweepResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/RUN_ID)")
  Path out;

  @Override
  public void run() {
    Profiler profiler = root.profiler();
    String runId = profiler.newRunId();
    Path folder = out != null ? out : Path.of("results", runId);
    SweepRequest request = point.applyTo(SweepRequest.builder())
        .variants(variants).modality(modality).batches(batches).metrics(metrics).runs(runs).warmup(warmup)
        .inputs(inputs).outputDirectory(folder)
        .build();
    PrintStream err = root.err;
    SweepResult result = profiler.sweep(request, new ConsoleProgress(err, folder, point.inProcess));
    PrintStream outStream = root.out;
    outStream.println();
    TippingTables.printFigures(outStream, result.rows());
    TippingTables.printTippingPoints(outStream, result.tippingPoints());
    outStream.println();
    outStream.println("results: " + folder.resolve("results.csv") + ", " + folder.resolve("results.json"));
  }
}
