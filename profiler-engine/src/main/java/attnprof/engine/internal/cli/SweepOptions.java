package attnprof.engine.internal.cli;

import attnprof.engine.request.SweepDefaults;
import attnprof.engine.request.SweepRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that say what a sweep measures and how: shared by {@code sweep} and {@code plan}. */
final class SweepOptions {
  @Option(names = "--variants", split = ",", paramLabel = "VARIANT", completionCandidates = CompletionCommand.VariantIds.class,
      description = "variant ids (default: every variant of --modality)")
  List<String> variants = new ArrayList<>();

  @Option(names = "--modality", defaultValue = SweepDefaults.MODALITY,
      description = "the modality to sweep when no --variants are given (default: ${DEFAULT-VALUE})")
  String modality;

  @Mixin
  PointOptions point;

  @Option(names = "--batch", split = ",", paramLabel = "B", defaultValue = SweepDefaults.BATCHES,
      description = "batch sizes for throughput and memory; latency is at batch 1 (default: ${DEFAULT-VALUE})")
  List<Integer> batches;

  @Option(names = "--metrics", split = ",", paramLabel = "METRIC", completionCandidates = CompletionCommand.MetricIds.class,
      defaultValue = SweepDefaults.METRICS,
      description = "metric ids (default: ${DEFAULT-VALUE})")
  List<String> metrics;

  @Option(names = "--runs", defaultValue = "" + SweepDefaults.RUNS,
      description = "the fewest timed runs per point in each fork (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--min-time", defaultValue = "" + SweepDefaults.MIN_TIME_MILLIS, paramLabel = "MS",
      description = "the least timed work per point in each fork: short steps run until it is reached "
          + "(default: ${DEFAULT-VALUE} ms)")
  long minTimeMillis;

  @Option(names = "--warmup", defaultValue = SweepDefaults.WARMUP_TEXT, paramLabel = "auto|N",
      converter = WarmupConverter.class,
      description = "untimed steps before the timed ones, the first optimising the graph: auto runs them until the "
          + "step time stops falling (at most 40 steps or 1.5 s a model); N forces N (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--forks", defaultValue = "" + SweepDefaults.FORKS,
      description = "measuring processes per point, the unit of replication (default: ${DEFAULT-VALUE})")
  int forks;

  @Option(names = "--noise", defaultValue = "" + SweepDefaults.NOISE_PERCENT, paramLabel = "PERCENT",
      description = "a variant within this many percent of its baseline (by the 95%% interval of the ratio) is "
          + "indistinguishable from it (default: ${DEFAULT-VALUE})")
  double noisePercent;

  @Option(names = "--refine", defaultValue = SweepDefaults.REFINE, paramLabel = "none|auto",
      description = "after the grid, measure more lengths until each tipping point's 95%% interval is within 5%% "
          + "(memory: exact), or the budget is spent (default: ${DEFAULT-VALUE})")
  String refine;

  @Option(names = "--refine-budget", defaultValue = "" + SweepDefaults.REFINE_BUDGET_SECONDS, paramLabel = "SECONDS",
      description = "the most time refinement may take (default: ${DEFAULT-VALUE})")
  long refineBudgetSeconds;

  @Option(names = "--inputs", paramLabel = "FILE[,FILE...]",
      description = "real input files to profile instead of synthetic inputs; a name that is an existing file is taken "
          + "whole, commas and all, and --inputs may be repeated")
  List<String> inputNames = new ArrayList<>();

  /** The request these options ask for, without its folders. */
  SweepRequest.Builder builder() {
    return point.applyTo(SweepRequest.builder())
        .variants(variants).modality(modality).batches(batches).metrics(metrics).runs(runs).warmup(warmup)
        .minTime(java.time.Duration.ofMillis(minTimeMillis)).forks(forks).noise(noisePercent / 100)
        .refine(SweepRequest.Refine.of(refine)).refineBudget(java.time.Duration.ofSeconds(refineBudgetSeconds))
        .inputs(inputs());
  }

  /**
   * The files of --inputs: each value is one file when a file of that name exists (so names with commas work),
   * else a comma-separated list of them.
   */
  List<Path> inputs() {
    List<Path> files = new ArrayList<>();
    for (String name : inputNames) {
      if (java.nio.file.Files.exists(Path.of(name))) {
        files.add(Path.of(name));
      } else {
        for (String part : name.split(",")) {
          if (!part.isEmpty()) {
            files.add(Path.of(part));
          }
        }
      }
    }
    return files;
  }

  /** What the options named more than once (the request keeps each once), or empty. */
  String repeated(SweepRequest request) {
    List<String> said = new ArrayList<>();
    if (request.lengths().size() < point.lengths.size()) {
      said.add("a length");
    }
    if (request.modes().size() < point.modes.size()) {
      said.add("a mode");
    }
    if (request.batches().size() < batches.size()) {
      said.add("a batch size");
    }
    if (request.inputs().size() < inputs().size()) {
      said.add("an input file");
    }
    if (request.variants().size() < variants.size()) {
      said.add("a variant");
    }
    if (request.metrics().size() < metrics.size()) {
      said.add("a metric");
    }
    return String.join(", ", said);
  }

  /** {@code auto} (until steady) or a count of at least 1. */
  static final class WarmupConverter implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.equals(SweepDefaults.WARMUP_TEXT)) {
        return SweepDefaults.WARMUP;
      }
      try {
        int steps = Integer.parseInt(value);
        if (steps >= 1) {
          return steps;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new picocli.CommandLine.TypeConversionException("'" + value + "' is neither auto nor a count of at "
          + "least 1");
    }
  }
}
