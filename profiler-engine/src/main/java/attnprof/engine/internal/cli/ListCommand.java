package attnprof.engine.internal.cli;

import attnprof.api.device.Availability;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.input.InputGenerator;
import attnprof.api.metric.Metric;
import attnprof.api.metric.Quantity;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.engine.PluginDiagnostic;
import attnprof.engine.PluginRegistry;
import java.io.PrintStream;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof list}: every variant, input generator, metric and device, and what failed to load. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists every variant, input generator, metric and device, and any plugin load diagnostics.")
final class ListCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Override
  public void run() {
    PluginRegistry registry = root.profiler().registry();
    PrintStream out = root.out;

    TextTable variants = new TextTable("VARIANT", "MODALITY", "BASELINE", "PRESETS", "NAME", "PLUGIN");
    for (ModelVariant variant : registry.variants()) {
      var d = variant.descriptor();
      variants.row(d.id(), d.modality(), d.isVanilla() ? "(vanilla)" : d.baseline(),
          d.presets().stream().map(Preset::name).collect(Collectors.joining(",")), d.displayName(), moduleOf(variant));
    }
    section(out, "Variants", variants);

    TextTable inputs = new TextTable("INPUT", "MODALITY", "LENGTH UNIT", "FILES", "DEFAULT LENGTHS");
    for (InputGenerator input : registry.inputs()) {
      var d = input.descriptor();
      inputs.row(d.id(), d.modality(), d.lengthUnit(), String.join(",", d.fileTypes()),
          d.defaultLengths().stream().map(Formats::length).collect(Collectors.joining(",")));
    }
    section(out, "Input generators", inputs);

    TextTable metrics = new TextTable("METRIC", "QUANTITIES", "BATCH", "WHAT");
    for (Metric metric : registry.metrics()) {
      var d = metric.descriptor();
      metrics.row(d.id(), d.quantities().stream().map(q -> q.id() + " (" + q.unit() + ", " + better(q) + ")")
          .collect(Collectors.joining(", ")), d.batchOneOnly() ? "1" : "any", d.summary());
    }
    section(out, "Metrics", metrics);

    TextTable devices = new TextTable("DEVICE", "AVAILABLE", "DETAIL");
    for (DeviceAdapter device : registry.devices()) {
      String id = device.descriptor().family();
      Availability availability = availability(device, id);
      devices.row(id, availability.available() ? "yes" : "no", availability.reason());
    }
    section(out, "Devices", devices);

    section(out, "Plugins", plugins(registry));

    out.println("Plugin diagnostics");
    if (registry.diagnostics().isEmpty()) {
      out.println("none: every plugin loaded");
    } else {
      registry.diagnostics().stream().map(PluginDiagnostic::line).forEach(out::println);
    }
  }

  /**
   * Each plugin module that provides something: its version, and the version of {@code attnprof.api} it was
   * compiled against (the Java compiler records it in the module's descriptor).
   */
  private static TextTable plugins(PluginRegistry registry) {
    java.util.Set<Module> modules = new java.util.LinkedHashSet<>();
    for (ModelVariant variant : registry.variants()) {
      if (variant instanceof attnprof.engine.internal.registry.ComposedVariant composed) {
        modules.addAll(composed.modules());
      } else {
        modules.add(variant.getClass().getModule());
      }
    }
    registry.inputs().forEach(input -> modules.add(input.getClass().getModule()));
    registry.metrics().forEach(metric -> modules.add(metric.getClass().getModule()));
    registry.devices().forEach(device -> modules.add(device.getClass().getModule()));
    TextTable table = new TextTable("PLUGIN", "VERSION", "BUILT AGAINST");
    String current = attnprof.api.Mode.class.getModule().getDescriptor() == null ? "?"
        : attnprof.api.Mode.class.getModule().getDescriptor().rawVersion().orElse("?");
    for (Module module : modules) {
      if (!module.isNamed() || module.getDescriptor() == null) {
        table.row("class path", "", "");
        continue;
      }
      var descriptor = module.getDescriptor();
      String against = descriptor.requires().stream().filter(r -> r.name().equals("attnprof.api")).findFirst()
          .flatMap(java.lang.module.ModuleDescriptor.Requires::rawCompiledVersion)
          .map(version -> "attnprof.api " + version + (version.equals(current) ? "" : " (this is " + current + ")"))
          .orElse(module.getName().equals("attnprof.engine") ? "(the engine)" : "attnprof.api, version not recorded");
      table.row(module.getName(), descriptor.rawVersion().orElse(""), against);
    }
    return table;
  }

  private static Availability availability(DeviceAdapter device, String id) {
    try {
      return device.availability(id.equals("cpu") ? id : id + ":0");
    } catch (RuntimeException e) {
      return Availability.unavailable("its availability check failed: " + e.getMessage());
    }
  }

  private static String better(Quantity quantity) {
    return switch (quantity.direction()) {
      case LOWER_IS_BETTER -> "lower is better";
      case HIGHER_IS_BETTER -> "higher is better";
      case NEITHER -> "a detail, not compared";
    };
  }

  private static String moduleOf(Object provider) {
    if (provider instanceof attnprof.engine.internal.registry.ComposedVariant composed) {
      return composed.plugins();
    }
    Module module = provider.getClass().getModule();
    return module.isNamed() ? module.getName() : "class path";
  }

  private static void section(PrintStream out, String title, TextTable table) {
    out.println(title);
    out.print(table.isEmpty() ? "none\n" : table.render());
    out.println();
  }
}
