package attnprof.engine.internal.cli;

import attnprof.engine.result.Lengths;
import attnprof.api.model.ParameterSpec;
import attnprof.engine.plugins.VariantDescription;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code attnprof describe VARIANT}: the configuration and parameter count. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Prints a variant's configuration (every parameter, with overrides applied) and its parameter count.")
final class DescribeCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "VARIANT", description = "the variant id, such as text/bert")
  String variant;

  @Option(names = "--preset", defaultValue = "small", description = "tiny, small or base (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "override a parameter of the preset")
  List<String> params = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "how long building the model may take, in its own process (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Mixin
  OutputFormat output;

  /** One parameter: its value with the overrides applied, whether it was overridden, and what it means. */
  public record ParameterEntry(String name, String value, boolean overridden, String meaning) {
  }

  /**
   * A variant as {@code describe} prints it; {@code config}, {@code parameters} (the count) and
   * {@code notes} as in results.json's points, {@code length} the length the model was built for.
   */
  public record Description(String variant, String name, String summary, String paper, String baseline, String composed,
      List<String> modes, String preset, String presetDescription, Map<String, String> config, List<ParameterEntry> configDetails,
      long parameters, double length, String lengthUnit, List<String> notes) {
  }

  @Override
  public void run() {
    if (timeoutSeconds <= 0) {
      throw attnprof.api.ProfilerException.user("--timeout must be a positive number of seconds, not "
          + timeoutSeconds);
    }
    // the model is built in a process of its own, as a sweep's are: its plugin cannot take the launcher down
    VariantDescription description = root.profilerSayingPluginTrouble().describeInOwnProcess(variant, preset,
        ParamConverter.toMap(spec.commandLine(), params), java.time.Duration.ofSeconds(timeoutSeconds));
    var descriptor = description.descriptor();
    List<ParameterEntry> entries = new ArrayList<>();
    Map<String, String> config = new LinkedHashMap<>();
    for (ParameterSpec parameter : descriptor.parameters()) {
      String value = description.config().text(parameter.name());
      config.put(parameter.name(), value);
      entries.add(new ParameterEntry(parameter.name(), value,
          description.config().overridden().contains(parameter.name()), parameter.description()));
    }
    String composed = root.profiler().registry().variant(descriptor.id())
        instanceof attnprof.engine.plugins.Composed c ? c.origin() : "";
    switch (output.format) {
      case json -> OutputFormat.printJson(root.out, new Description(descriptor.id(), descriptor.displayName(),
          descriptor.summary(), descriptor.paper(), descriptor.isVanilla() ? "" : descriptor.baseline(), composed,
          modes(descriptor.id()), description.config().preset(), descriptor.preset(preset).description(), config, entries,
          description.parameters(), description.length(), description.lengthUnit(), description.notes()));
      case csv -> OutputFormat.printCsv(root.out, ParameterEntry.class, entries);
      case table -> print(description, entries, composed);
    }
  }

  /** The modes the variant runs in, in the order of {@link attnprof.api.Mode}. */
  private List<String> modes(String variant) {
    return root.profiler().registry().variant(variant).modes().stream().sorted().map(attnprof.api.Mode::id).toList();
  }

  private void print(VariantDescription description, List<ParameterEntry> entries, String composed) {
    var descriptor = description.descriptor();
    PrintStream out = root.out;
    out.println(descriptor.id() + ": " + descriptor.displayName());
    out.println(Terminal.fit("  " + descriptor.summary()));
    out.println(Terminal.fit("  paper:    " + descriptor.paper()));
    out.println("  baseline: " + (descriptor.isVanilla() ? "none (vanilla)" : descriptor.baseline()));
    out.println("  modes:    " + String.join(", ", modes(descriptor.id())));
    if (!composed.isEmpty()) {
      out.println(Terminal.fit("  composed: " + composed));
    }
    out.println(Terminal.fit("  preset:   " + description.config().preset() + " ("
        + descriptor.preset(preset).description() + ")"));
    out.println();
    TextTable table = new TextTable("PARAMETER", "VALUE", "MEANING").prose(2);
    entries.forEach(e -> table.row(e.name(), e.value() + (e.overridden() ? " (overridden)" : ""), e.meaning()));
    out.print(table.render());
    out.println();
    out.println(Formats.count(description.parameters()) + " parameters (built for "
        + Lengths.format(description.length(), description.lengthUnit()) + ")");
    for (String note : description.notes()) {
      out.println(Terminal.fit("  - " + note));
    }
  }
}
