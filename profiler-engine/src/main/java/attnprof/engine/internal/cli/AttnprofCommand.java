package attnprof.engine.internal.cli;

import attnprof.engine.request.SweepRequest;
import attnprof.engine.Profiler;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options, and the sub-commands. */
@Command(name = "attnprof", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Profiles vanilla and efficient self-attention Transformer variants and finds their tipping points:"
        + " the input lengths from which the efficient ones are cheaper.",
    subcommands = {ListCommand.class, DescribeCommand.class, SweepCommand.class, BreakdownCommand.class,
        TippingCommand.class, AdviseCommand.class, RunsCommand.class, CompareCommand.class, ReportCommand.class, PlanCommand.class,
        MergeCommand.class, VerifyCommand.class, CompletionCommand.class})
final class AttnprofCommand implements Runnable {
  final PrintStream out;
  final PrintStream err;
  private Profiler profiler;

  @Option(names = "--plugins", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "folder of plugin jars, each loaded in its own module layer (default: plugins/ beside the launcher)")
  Path plugins;

  @Option(names = "--results", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "the folder of runs: RESULTS/RUN_ID/ for each sweep's files, RESULTS/attnprof.db for the database"
          + " (default: results)")
  Path givenResults;

  @Option(names = "--db", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "the results database (default: RESULTS/attnprof.db; for `sweep --out DIR`, DIR/attnprof.db)")
  Path db;

  AttnprofCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The engine, started on first use with the plugins folder. */
  Profiler profiler() {
    if (profiler == null) {
      profiler = Profiler.builder().pluginsFolder(pluginsFolder()).build();
    }
    return profiler;
  }

  /**
   * The engine, after printing (once) a line per plugin that failed to load or was refused: the
   * commands that measure or build say so before they start, not only {@code list}.
   */
  Profiler profilerSayingPluginTrouble() {
    Profiler engine = profiler();
    if (!pluginTroubleSaid) {
      pluginTroubleSaid = true;
      engine.registry().diagnostics().forEach(d -> err.println("attnprof: plugin trouble: " + d.line()));
    }
    return engine;
  }

  private boolean pluginTroubleSaid;

  Path pluginsFolder() {
    if (plugins != null) {
      if (!java.nio.file.Files.isDirectory(plugins)) {
        throw attnprof.api.ProfilerException.user("--plugins `" + plugins + "` is not a folder"
            + (java.nio.file.Files.exists(plugins) ? "" : " (it does not exist)"));
      }
      return plugins;
    }
    String fromLauncher = System.getProperty("attnprof.plugins");
    return Path.of(fromLauncher != null ? fromLauncher : "plugins");
  }

  /** The folder of runs: --results, or {@code results}. */
  Path results() {
    return givenResults != null ? givenResults : Path.of("results");
  }

  /** The results database: --db, or the one in the folder of runs. */
  Path database() {
    return db != null ? db : results().resolve(SweepRequest.DATABASE_FILE_NAME);
  }

  /**
   * The database of a sweep that writes to {@code out}: --db, --results' when given, else one inside
   * {@code out}, so that nothing is written outside the folders the user named.
   */
  Path databaseFor(Path out) {
    if (db != null || givenResults != null) {
      return database();
    }
    return out.resolve(SweepRequest.DATABASE_FILE_NAME);
  }

  /**
   * The database of one shard of a planned sweep: --db, else one inside the shard's folder (shards keep a
   * database each, on local disk, and {@code merge} combines them).
   */
  Path shardDatabase(Path folder) {
    return db != null ? db : folder.resolve(SweepRequest.DATABASE_FILE_NAME);
  }

  /** The options that name this database to another command, empty for the default one. */
  String databaseOptions(Path database) {
    Path normal = database.toAbsolutePath().normalize();
    if (normal.equals(Path.of("results").resolve(SweepRequest.DATABASE_FILE_NAME)
        .toAbsolutePath().normalize())) {
      return "";
    }
    if (normal.getFileName().toString().equals(SweepRequest.DATABASE_FILE_NAME)) {
      return "--results " + database.getParent() + " ";
    }
    return "--db " + database + " ";
  }

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "choose a command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
