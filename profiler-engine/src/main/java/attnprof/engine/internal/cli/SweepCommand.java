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
final class SweepCommand implements java.util.concurrent.Callable<Integer> {
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

  @Option(names = "--runs", defaultValue = "" + SweepRequest.DEFAULT_RUNS,
      description = "the fewest timed runs per point in each fork (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--min-time", defaultValue = "1000", paramLabel = "MS",
      description = "the least timed work per point in each fork: short steps run until it is reached "
          + "(default: ${DEFAULT-VALUE} ms)")
  long minTimeMillis;

  @Option(names = "--warmup", defaultValue = "" + SweepRequest.DEFAULT_WARMUP,
      description = "untimed runs before the timed ones, the first optimising the graph (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--forks", defaultValue = "" + SweepRequest.DEFAULT_FORKS,
      description = "measuring processes per point, the unit of replication (default: ${DEFAULT-VALUE})")
  int forks;

  @Option(names = "--noise", defaultValue = "2", paramLabel = "PERCENT",
      description = "a variant within this many percent of its baseline (by the 95%% interval of the ratio) is "
          + "indistinguishable from it (default: ${DEFAULT-VALUE})")
  double noisePercent;

  @Option(names = "--refine", defaultValue = "auto", paramLabel = "none|auto",
      description = "after the grid, measure more lengths until each tipping point's 95%% interval is within 5%% "
          + "(memory: exact), or the budget is spent (default: ${DEFAULT-VALUE})")
  String refine;

  @Option(names = "--refine-budget", defaultValue = "120", paramLabel = "SECONDS",
      description = "the most time refinement may take (default: ${DEFAULT-VALUE})")
  long refineBudgetSeconds;

  @Option(names = "--inputs", paramLabel = "FILE[,FILE...]",
      description = "real input files to profile instead of synthetic inputs; a name that is an existing file is taken "
          + "whole, commas and all, and --inputs may be repeated")
  List<String> inputNames = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "this run's results folder (default: RESULTS/RUN_ID); the database is DIR/attnprof.db unless "
          + "--results or --db names another")
  Path out;

  @Option(names = "--resume", paramLabel = "RUN",
      description = "resume a stored run that was stopped: measure only its missing points, with its own settings")
  String resume;

  /**
   * A folder of the results folder made for this run alone: {@code RUN_ID}, or {@code RUN_ID-2}... when
   * another sweep made that one first (creating it exclusively, so two sweeps started at once get two).
   */
  private java.nio.file.Path ownFolder(String runId) {
    try {
      java.nio.file.Files.createDirectories(root.results());
      for (int n = 1; ; n++) {
        java.nio.file.Path folder = root.results().resolve(n == 1 ? runId : runId + "-" + n);
        try {
          return java.nio.file.Files.createDirectory(folder);
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          // another run has it: try the next
        }
      }
    } catch (java.io.IOException e) {
      throw attnprof.api.ProfilerException.user("cannot make a run folder in " + root.results() + ": " + e.getMessage());
    }
  }

  /** The command that resumes a run, naming its database when it is not the default. */
  private String resumeCommand(String runId, java.nio.file.Path database) {
    return "attnprof " + root.databaseOptions(database) + "sweep --resume " + runId;
  }

  /** A resumed run keeps its own settings: options that would change them are refused, not ignored. */
  private void refuseOptionsBesideResume() {
    List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
        .map(CommandLine.Model.OptionSpec::longestName)
        .filter(name -> !List.of("--resume", "--results", "--plugins").contains(name)).distinct().toList();
    if (!given.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--resume measures the stored run with its own "
          + "settings; leave out " + String.join(", ", given));
    }
  }

  private static void deleteIfEmpty(java.nio.file.Path folder) {
    try (var entries = java.nio.file.Files.list(folder)) {
      if (entries.findAny().isEmpty()) {
        java.nio.file.Files.delete(folder);
      }
    } catch (java.io.IOException e) {
      // left as it is: an empty folder is harmless
    }
  }

  /** What the options named more than once (the request keeps each once), or empty. */
  private String repeated(SweepRequest request) {
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

  /** --out names a folder, existing or not; not a file, not nothing. */
  private void checkOut() {
    if (out == null) {
      return;
    }
    if (out.toString().isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out needs a folder name");
    }
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out `" + out + "` is a file, not a folder");
    }
  }

  /** Exit code of a sweep some of whose points could not be started. */
  static final int NOT_RUN = 3;

  @Override
  public Integer call() {
    Profiler profiler = root.profilerSayingPluginTrouble();
    SweepResult result;
    Path folder;
    Path database = root.database();
    if (resume != null) {
      refuseOptionsBesideResume();
      var stored = profiler.storedRuns(root.database()).stream().filter(r -> r.runId().equals(resume)).findFirst();
      folder = stored.map(attnprof.engine.StoredRunSummary::outputDirectory).orElse(null);
      stored.ifPresent(r -> root.err.println("attnprof: resuming " + resume + ": " + r.stored() + " of " + r.planned()
          + " points stored"));
      result = profiler.resume(root.database(), resume, new ConsoleProgress(root.err, folder, point.inProcess));
    } else {
      checkOut();
      SweepRequest.Builder builder = point.applyTo(SweepRequest.builder())
          .variants(variants).modality(modality).batches(batches).metrics(metrics).runs(runs).warmup(warmup)
          .minTime(java.time.Duration.ofMillis(minTimeMillis)).forks(forks).noise(noisePercent / 100)
          .refine(SweepRequest.Refine.of(refine)).refineBudget(java.time.Duration.ofSeconds(refineBudgetSeconds))
          .inputs(inputs());
      database = out != null ? root.databaseFor(out) : root.database();
      // every option is checked before a folder or a database is made
      profiler.check(builder.database(database).build());
      String runId = profiler.newRunId();
      folder = out != null ? out : ownFolder(runId);
      if (out == null) {
        runId = folder.getFileName().toString();
      }
      try {
        SweepRequest request = builder.outputDirectory(folder).build();
        String repeated = repeated(request);
        if (!repeated.isEmpty()) {
          root.err.println("attnprof: " + repeated + " given more than once; each point is measured once");
        }
        result = profiler.sweep(request, runId, new ConsoleProgress(root.err, folder, point.inProcess));
      } catch (RuntimeException e) {
        if (out == null) {
          deleteIfEmpty(folder); // the run folder made for a sweep that never started
        }
        throw e;
      }
    }
    PrintStream outStream = root.out;
    outStream.println();
    TippingTables.printFigures(outStream, result.rows());
    TippingTables.printAchievedRates(outStream, result.rows());
    TippingTables.printComparisons(outStream, result.comparisons());
    TippingTables.printTippingPoints(outStream, result.tippingPoints());
    outStream.println();
    if (folder != null) {
      outStream.println("results: " + folder + " (results.csv, results.json, charts/, index.html); database: "
          + database);
    }
    List<attnprof.engine.PointResult> notRun = result.points().stream()
        .filter(p -> p.status() == attnprof.engine.PointStatus.NOT_RUN).toList();
    if (!notRun.isEmpty()) {
      root.err.println("attnprof: " + notRun.size() + " of " + result.points().size() + " points could not be started ("
          + Main.oneLine(notRun.get(0).message()) + "); `" + resumeCommand(result.runId(), database)
          + "` measures them");
      return NOT_RUN;
    }
    return 0;
  }
}
