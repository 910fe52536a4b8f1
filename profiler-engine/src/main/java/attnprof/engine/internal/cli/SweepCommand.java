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

  @Option(names = "--preset", defaultValue = "small", description = "tiny, small or base (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "override a parameter of every variant that has it, such as window=256")
  List<String> params = new ArrayList<>();

  @Option(names = "--lengths", split = ",", paramLabel = "L",
      description = "input lengths in the modality's unit (default: the modality's grid)")
  List<String> lengths = new ArrayList<>();

  @Option(names = "--batch", split = ",", paramLabel = "B", defaultValue = "1",
      description = "batch sizes for throughput and memory; latency is at batch 1 (default: ${DEFAULT-VALUE})")
  List<Integer> batches;

  @Option(names = "--mode", split = ",", paramLabel = "MODE", defaultValue = "inference,training",
      description = "inference, training or both (default: ${DEFAULT-VALUE})")
  List<String> modes;

  @Option(names = "--metrics", split = ",", paramLabel = "ID", defaultValue = "latency,throughput,peak-memory,breakdown,flops",
      description = "metric ids (default: ${DEFAULT-VALUE})")
  List<String> metrics;

  @Option(names = "--device", defaultValue = "cpu", description = "device id, such as cpu or cuda:0 (default: ${DEFAULT-VALUE})")
  String device;

  @Option(names = "--threads", defaultValue = "0", description = "TensorFlow op threads; 0 = every core (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--runs", defaultValue = "5", description = "timed runs per point (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--warmup", defaultValue = "2", description = "untimed warm-up runs per point (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
      description = "time limit per point; past it the point is `timeout` (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--inputs", split = ",", paramLabel = "FILE", description = "real input files to profile instead of synthetic inputs")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--in-process", description = "measure in this JVM instead of a fresh JVM per point (faster, less isolated)")
  boolean inProcess;

  @Option(names = "--seed", defaultValue = "42", description = "seed of weights and synthetic inputs (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/RUN_ID)")
  Path out;

  @Override
  public void run() {
    Profiler profiler = root.profiler();
    List<Mode> parsedModes = modes.stream().map(Mode::of).toList();
    String runId = profiler.newRunId();
    Path folder = out != null ? out : Path.of("results", runId);
    SweepRequest.Builder builder = SweepRequest.builder();
    ParamConverter.toMap(spec.commandLine(), params).forEach(builder::param);
    SweepRequest request = builder
        .variants(variants).modality(modality).preset(preset)
        .lengths(parseLengths()).batches(batches).modes(parsedModes).metrics(metrics)
        .device(device).threads(threads).runs(runs).warmup(warmup).timeout(timeout())
        .inProcess(inProcess).inputs(inputs).seed(seed).outputDirectory(folder)
        .build();
    PrintStream err = root.err;
    SweepResult result = profiler.sweep(request, new ConsoleProgress(err, folder, inProcess));
    PrintStream outStream = root.out;
    outStream.println();
    TippingTables.printFigures(outStream, result.rows());
    TippingTables.printTippingPoints(outStream, result.tippingPoints());
    outStream.println();
    outStream.println("results: " + folder.resolve("results.csv") + ", " + folder.resolve("results.json"));
  }

  private Duration timeout() {
    if (timeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  private List<Double> parseLengths() {
    List<Double> parsed = new ArrayList<>();
    for (String text : lengths) {
      double length;
      try {
        length = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "`" + text + "` is not a length: lengths are numbers of at least 1");
      }
      if (!(length >= 1) || Double.isInfinite(length)) {
        throw new ParameterException(spec.commandLine(), "length must be at least 1, got " + text.trim());
      }
      parsed.add(length);
    }
    return parsed;
  }
}
