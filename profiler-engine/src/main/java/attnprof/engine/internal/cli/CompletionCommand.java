package attnprof.engine.internal.cli;

import attnprof.engine.plugins.PluginRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code attnprof completion bash|zsh}: a shell completion script made by picocli's AutoComplete, which
 * completes commands, options, and the variant, metric and device ids of the plugins loaded now.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Prints a shell completion script for bash or zsh: commands, options, and the variant, metric "
        + "and device ids of the plugins loaded now.",
        "Install: `source <(./attnprof completion bash)` (add it to ~/.bashrc); in zsh the same line works."})
final class CompletionCommand implements Runnable {
  /** The ids the script offers, filled from the registry just before the script is made. */
  private static final List<String> VARIANT_IDS = new ArrayList<>();
  private static final List<String> METRIC_IDS = new ArrayList<>();
  private static final List<String> DEVICE_IDS = new ArrayList<>();

  @ParentCommand
  AttnprofCommand root;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  String shell;

  @Override
  public void run() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "completion scripts are for bash or zsh, got `"
          + shell + "`");
    }
    PluginRegistry registry = root.profiler().registry();
    synchronized (VARIANT_IDS) {
      VARIANT_IDS.clear();
      registry.variants().forEach(v -> VARIANT_IDS.add(v.descriptor().id()));
      METRIC_IDS.clear();
      registry.metrics().forEach(m -> METRIC_IDS.add(m.descriptor().id()));
      DEVICE_IDS.clear();
      registry.devices().forEach(d -> DEVICE_IDS.add(d.descriptor().family().equals("cpu") ? "cpu"
          : d.descriptor().family() + ":0"));
      // picocli's script works in both shells: under zsh it loads bashcompinit first
      root.out.print(AutoComplete.bash("attnprof", spec.root().commandLine()));
    }
  }

  /** Variant ids for {@code --variants} and {@code breakdown}. */
  static final class VariantIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.copyOf(VARIANT_IDS).iterator();
    }
  }

  /** Metric ids for {@code --metrics}. */
  static final class MetricIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.copyOf(METRIC_IDS).iterator();
    }
  }

  /** Device ids for {@code --device}. */
  static final class DeviceIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.copyOf(DEVICE_IDS).iterator();
    }
  }
}
