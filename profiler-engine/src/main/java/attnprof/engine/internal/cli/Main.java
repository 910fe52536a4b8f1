package attnprof.engine.internal.cli;

import attnprof.api.ProfilerException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code attnprof} launcher. User errors print one line and exit 2; nothing prints a stack trace
 * unless {@code ATTNPROF_DEBUG} is set.
 */
public final class Main {
  static final int USER_ERROR = 2;
  static final int INTERNAL_ERROR = 1;

  private Main() {
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    // TensorFlow's thread pools are not daemons
    System.exit(code);
  }

  /** Runs the launcher with the given streams and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    AttnprofCommand root = new AttnprofCommand(out, err);
    CommandLine commandLine = new CommandLine(root)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler((e, args1) -> {
          CommandLine failed = e.getCommandLine();
          String command = failed.getCommandSpec().qualifiedName(" ").replaceFirst("^attnprof ?", "");
          err.println("attnprof: " + oneLine(e.getMessage()) + " (see `attnprof "
              + (command.isEmpty() ? "" : command + " ") + "--help`)");
          return USER_ERROR;
        })
        .setExecutionExceptionHandler((e, failed, parseResult) -> handle(e, err))
        // an empty path would be taken as the working directory: a folder the user did not name
        .registerConverter(java.nio.file.Path.class, text -> {
          if (text.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path names no file or folder");
          }
          return java.nio.file.Path.of(text);
        });
    try {
      return commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      return handle(e instanceof Exception exception ? exception : new RuntimeException(e.toString(), e), err);
    }
  }

  private static int handle(Exception e, PrintStream err) {
    if (System.getenv("ATTNPROF_DEBUG") != null) {
      e.printStackTrace(err);
    }
    if (e instanceof ProfilerException profilerException) {
      err.println("attnprof: " + oneLine(e.getMessage()));
      return profilerException.kind() == ProfilerException.Kind.USER
          || profilerException.kind() == ProfilerException.Kind.DEVICE ? USER_ERROR : INTERNAL_ERROR;
    }
    err.println("attnprof: internal error: " + oneLine(String.valueOf(e.getMessage()))
        + " (set ATTNPROF_DEBUG=1 for the stack trace)");
    return INTERNAL_ERROR;
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
