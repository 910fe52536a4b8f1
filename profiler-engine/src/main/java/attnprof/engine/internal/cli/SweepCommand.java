package attnprof.engine.internal.cli;

import attnprof.engine.Profiler;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.SweepResult;
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

  @Mixin
  SweepOptions options;

  @Option(names = "--out", paramLabel = "DIR",
      description = "this run's results folder (default: RESULTS/RUN_ID); the database is DIR/attnprof.db unless "
          + "--results or --db names another")
  Path out;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "run a plan made by `attnprof plan` (whole, or the shard --shard names) instead of options")
  Path plan;

  @Option(names = "--shard", paramLabel = "I/N|auto",
      description = "with --plan: run shard I of N (balanced by predicted cost); `auto` reads the index from "
          + "Slurm's job array or a Kubernetes Indexed Job (default: 1/1)")
  String shard;

  @Option(names = "--shard-count", paramLabel = "N",
      description = "with --shard auto under Kubernetes: the number of shards (the Job's completions)")
  Integer shardCount;

  @Option(names = "--dataset", paramLabel = "PATH", arity = "1..*",
      description = "your data's input files (files, folders or glob patterns): the answer for them comes first, "
          + "as `attnprof advise` gives it, and the report draws their lengths under the cost curves")
  List<String> dataset = new java.util.ArrayList<>();

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
    refuseOptionsBeside("--resume", "--resume measures the stored run with its own settings",
        List.of("--resume", "--results", "--db", "--plugins"));
  }

  /** Options beside {@code option} other than {@code allowed} are refused with {@code why}, not ignored. */
  private void refuseOptionsBeside(String option, String why, List<String> allowed) {
    List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
        .map(CommandLine.Model.OptionSpec::longestName)
        .filter(name -> !allowed.contains(name)).distinct().toList();
    if (!given.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), why + "; leave out " + String.join(", ", given));
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



  /** --out names a folder, existing or not; not a file, not nothing. */
  private void checkOut() {
    if (out == null) {
      return;
    }
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out `" + out + "` is a file, not a folder");
    }
  }

  /** Exit code of a sweep some of whose points (or their steps in a process of their own) could not be started. */
  static final int NOT_RUN = 3;

  @Override
  public Integer call() {
    try {
      return sweep();
    } catch (attnprof.engine.result.ResultsUnwritableException e) {
      // the points are stored: the run is partial, not lost
      root.err.println("attnprof: " + Main.oneLine(e.getMessage()));
      return NOT_RUN;
    }
  }

  private int sweep() {
    Profiler profiler = root.profilerSayingPluginTrouble();
    // the dataset is read before anything runs: a wrong path is said before any point
    attnprof.engine.result.LengthDistribution data = dataset.isEmpty() ? null
        : profiler.inputLengths(modalityOfRequest(), dataset);
    SweepResult result;
    Path folder;
    Path database = root.database();
    if (plan == null && (shard != null || shardCount != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), (shard != null ? "--shard" : "--shard-count")
          + " goes with --plan: a shard is part of a plan made by `attnprof plan`");
    }
    if (plan != null) {
      refuseOptionsBeside("--plan", "a planned sweep measures the plan's own settings",
          List.of("--plan", "--shard", "--shard-count", "--out", "--results", "--db", "--plugins"));
      checkOut();
      attnprof.engine.request.Shard which = shard == null ? new attnprof.engine.request.Shard(1, shardCount == null ? 1 : shardCount)
          : shard.strip().equals("auto") ? attnprof.engine.request.Shard.fromEnvironment(System.getenv(), shardCount)
          : attnprof.engine.request.Shard.parse(shard);
      if (shardCount != null && shardCount != which.count()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--shard " + which + " but --shard-count "
            + shardCount);
      }
      String planId = plan.getFileName().toString().replaceFirst("\\.json$", "");
      folder = out != null ? out : root.results().resolve(planId + "-shard-" + which.index() + "-of-" + which.count());
      database = root.shardDatabase(folder);
      result = profiler.sweepShard(plan, which, folder, database, new ConsoleProgress(root.err, folder, false)
          .withHeading("attnprof: shard " + which + " of " + plan));
    } else if (resume != null) {
      refuseOptionsBesideResume();
      var stored = profiler.storedRuns(root.database()).stream().filter(r -> r.runId().equals(resume)).findFirst();
      folder = stored.map(attnprof.engine.result.StoredRunSummary::outputDirectory).orElse(null);
      stored.ifPresent(r -> root.err.println("attnprof: resuming " + resume + ": " + r.stored() + " of " + r.planned()
          + " points stored"));
      result = profiler.resume(root.database(), resume, new ConsoleProgress(root.err, folder, options.point.inProcess));
    } else {
      checkOut();
      SweepRequest.Builder builder = options.builder();
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
        String repeated = options.repeated(request);
        if (!repeated.isEmpty()) {
          root.err.println("attnprof: " + repeated + " given more than once; each point is measured once");
        }
        result = profiler.sweep(request, runId, new ConsoleProgress(root.err, folder, options.point.inProcess));
      } catch (RuntimeException e) {
        if (out == null) {
          deleteIfEmpty(folder); // the run folder made for a sweep that never started
        }
        throw e;
      }
    }
    PrintStream outStream = root.out;
    outStream.println();
    TippingTables.printFigures(outStream, result.figures());
    TippingTables.printAchievedRates(outStream, result.figures());
    TippingTables.printComparisons(outStream, result.comparisons());
    TippingTables.printTippingPoints(outStream, result.tippingPoints());
    outStream.println();
    if (data != null) {
      var advice = profiler.advise(result, data, database);
      outStream.println(Terminal.fit("The answer for your data (as `attnprof advise` gives it):"));
      AdviceTables.print(outStream, advice);
      outStream.println();
      if (folder != null) {
        profiler.writeReport(result, folder, advice, null);
        AdviceTables.writeFiles(folder, result.runId(), advice);
      }
    }
    TippingTables.printAnswers(outStream, result.tippingPoints());
    if (folder != null) {
      outStream.println(Terminal.fit("results: " + folder + " (results.csv, results.json, "
          + (data == null ? "" : "advice.csv, advice.json, ") + "charts/, index.html); database: " + database));
    }
    List<attnprof.engine.result.PointResult> notRun = result.points().stream()
        .filter(p -> p.status() == attnprof.engine.result.PointStatus.NOT_RUN).toList();
    if (!notRun.isEmpty()) {
      root.err.println("attnprof: " + notRun.size() + " of " + result.points().size() + " points could not be started ("
          + Main.oneLine(notRun.get(0).message()) + "); `" + resumeCommand(result.runId(), database)
          + "` measures them");
      return NOT_RUN;
    }
    if (!result.complete()) {
      // every point measured, but some lack a step that needs a process of its own, which could not start
      root.err.println("attnprof: some points lack the measurements that need a process of their own (it could not "
          + "be started); `" + resumeCommand(result.runId(), database) + "` measures them");
      return NOT_RUN;
    }
    return 0;
  }

  /** The modality a sweep's options ask for: its variants' (their ids begin with it), else --modality's. */
  private String modalityOfRequest() {
    List<String> variants = options.variants == null ? List.of() : options.variants;
    return variants.isEmpty() || !variants.get(0).contains("/") ? options.modality
        : variants.get(0).substring(0, variants.get(0).indexOf('/'));
  }
}
