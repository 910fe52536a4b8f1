package attnprof.engine.internal.cli;

import attnprof.api.model.ParameterSpec;
import attnprof.engine.VariantDescription;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

  @Override
  public void run() {
    VariantDescription description = root.profilerSayingPluginTrouble().describe(variant, preset,
        ParamConverter.toMap(spec.commandLine(), params));
    var descriptor = description.descriptor();
    PrintStream out = root.out;
    out.println(descriptor.id() + ": " + descriptor.displayName());
    out.println("  " + descriptor.summary());
    out.println("  paper:    " + descriptor.paper());
    out.println("  baseline: " + (descriptor.isVanilla() ? "none (vanilla)" : descriptor.baseline()));
    if (root.profiler().registry().variant(descriptor.id())
        instanceof attnprof.engine.internal.registry.ComposedVariant composed) {
      out.println("  composed: " + composed.origin());
    }
    out.println("  preset:   " + description.config().preset() + " (" + descriptor.preset(preset).description() + ")");
    out.println();
    TextTable table = new TextTable("PARAMETER", "VALUE", "MEANING");
    for (ParameterSpec parameter : descriptor.parameters()) {
      String value = description.config().text(parameter.name());
      boolean overridden = description.config().overridden().contains(parameter.name());
      table.row(parameter.name(), value + (overridden ? " (overridden)" : ""), parameter.description());
    }
    out.print(table.render());
    out.println();
    out.println(Formats.count(description.parameters()) + " parameters (built for "
        + Formats.length(description.length()) + " " + description.lengthUnit() + ")");
    for (String note : description.notes()) {
      out.println("  - " + note);
    }
  }
}
