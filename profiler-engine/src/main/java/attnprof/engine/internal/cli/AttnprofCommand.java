package attnprof.engine.internal.cli;

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
        TippingCommand.class, RunsCommand.class, CompareCommand.class, ReportCommand.class})
final class AttnprofCommand implements Runnable {
  final PrintStream out;
  final PrintStream err;
  private Profiler profiler;

  @Option(names = "--plugins", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "folder of plugin jars, each loaded in its own module layer (default: plugins/ beside the launcher)")
  Path plugins;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "the folder of runs: RESULTS/RUN_ID/ for each sweep's files, RESULTS/attnprof.db for the database"
          + " (default: ${DEFAULT-VALUE})")
  Path results;

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

  /** The results database. */
  Path database() {
    return results.resolve(attnprof.engine.internal.store.ResultStore.FILE_NAME);
  }

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "choose a command: list, describe, sweep, breakdown, tipping, runs, compare, report");
  }
}
