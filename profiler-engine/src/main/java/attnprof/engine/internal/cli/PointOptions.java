package attnprof.engine.internal.cli;

import attnprof.engine.request.SweepDefaults;
import attnprof.api.Mode;
import attnprof.engine.request.SweepRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that say how each point is built and run, shared by the commands that measure. */
final class PointOptions {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", defaultValue = SweepDefaults.PRESET, description = "tiny, small or base (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "override a parameter of every variant that has it, such as window=256")
  List<String> params = new ArrayList<>();

  @Option(names = "--lengths", split = ",", paramLabel = "L",
      description = "input lengths in the modality's unit (default: the modality's grid); in the streaming mode, left "
          + "contexts in seconds, `unlimited` for every chunk before")
  List<String> lengths = new ArrayList<>();

  @Option(names = "--mode", split = ",", paramLabel = "MODE", defaultValue = SweepDefaults.MODES,
      description = "inference, training, streaming (one chunk of a live stream; the lengths are left contexts; "
          + "variants that run in it: see `attnprof describe`), comma-separated (default: ${DEFAULT-VALUE})")
  List<String> modes;

  @Option(names = "--device", defaultValue = SweepDefaults.DEVICE, completionCandidates = CompletionCommand.DeviceIds.class, description = "device id, such as cpu or cuda:0 (default: ${DEFAULT-VALUE})")
  String device;

  @Option(names = "--threads", defaultValue = "" + SweepDefaults.THREADS, description = "TensorFlow op threads; 0 = every core (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--timeout", defaultValue = "" + SweepDefaults.TIMEOUT_SECONDS, paramLabel = "SECONDS",
      description = "time limit per point; past it the point is `timeout` (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--in-process", description = "measure in this JVM instead of a fresh JVM per point (faster, less isolated)")
  boolean inProcess;

  @Option(names = "--seed", defaultValue = "" + SweepDefaults.SEED, description = "seed of weights and synthetic inputs (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--trace", paramLabel = "DIR",
      description = "write one traced step per point (ops one at a time, as the breakdown traces them) as a "
          + "Chrome trace (Perfetto, chrome://tracing) into DIR")
  java.nio.file.Path trace;

  /** Sets these options on a request. */
  SweepRequest.Builder applyTo(SweepRequest.Builder builder) {
    if (trace != null && (trace.toString().isBlank()
        || (java.nio.file.Files.exists(trace) && !java.nio.file.Files.isDirectory(trace)))) {
      throw new ParameterException(spec.commandLine(), "--trace needs a folder, got `" + trace + "`");
    }
    if (trace != null) {
      try {
        java.nio.file.Files.createDirectories(trace);
      } catch (java.io.IOException | RuntimeException e) {
        String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
            : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "it cannot be created there";
        throw new ParameterException(spec.commandLine(), "--trace `" + trace + "` cannot be made a folder: " + why);
      }
    }
    ParamConverter.toMap(spec.commandLine(), params).forEach(builder::param);
    return builder.preset(preset).lengths(parseLengths()).modes(modes.stream().map(Mode::of).toList())
        .device(device).threads(threads).timeout(timeout()).inProcess(inProcess).seed(seed).traceDirectory(trace);
  }

  private Duration timeout() {
    if (timeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** The length of a streaming point that keeps every chunk before it. */
  static final String UNLIMITED = "unlimited";

  private List<Double> parseLengths() {
    List<Double> parsed = new ArrayList<>();
    for (String text : lengths) {
      if (text.trim().equalsIgnoreCase(UNLIMITED)) {
        parsed.add(Double.POSITIVE_INFINITY);
        continue;
      }
      double length;
      try {
        length = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "`" + text + "` is not a length: lengths are numbers of at "
            + "least 1, or `unlimited` (a streaming left context)");
      }
      if (!(length >= 1) || Double.isInfinite(length)) {
        throw new ParameterException(spec.commandLine(), "length must be at least 1, got " + text.trim());
      }
      parsed.add(length);
    }
    return parsed;
  }
}
