package attnprof.engine.internal.cli;

import attnprof.engine.result.Lengths;
import attnprof.api.device.Availability;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.input.InputGenerator;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.engine.plugins.PluginDiagnostic;
import attnprof.engine.plugins.PluginRegistry;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code attnprof list}: every variant, input generator, metric and device, and what failed to load; as
 * tables that fit the terminal (a metric's many quantities grouped, {@code --metrics} lists each), or as
 * CSV or JSON.
 */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Lists every variant, input generator, metric and device, and any plugin load diagnostics.",
        "Name sections to list only those; `--metrics` lists each quantity of each metric."})
final class ListCommand implements Runnable {
  /** A metric with more quantities of one prefix than this shows them as {@code prefix.* (N quantities)}. */
  private static final int GROUPED_FROM = 3;

  @ParentCommand
  AttnprofCommand root;

  @Option(names = "--variants", description = "list the variants")
  boolean variants;

  @Option(names = "--inputs", description = "list the input generators")
  boolean inputs;

  @Option(names = "--metrics", description = "list the metrics, each quantity on its own line")
  boolean metrics;

  @Option(names = "--devices", description = "list the devices")
  boolean devices;

  @Option(names = "--modules", description = "list the plugin modules and the plugin diagnostics")
  boolean plugins;

  @Mixin
  OutputFormat output;

  public record VariantEntry(String variant, String modality, String baseline, List<String> presets, String name,
      String summary, String paper, String plugin, List<String> modes) {
  }

  public record InputEntry(String input, String modality, String lengthUnit, List<String> fileTypes,
      List<Double> defaultLengths, String summary) {
  }

  /** A metric's quantity, named as in results.json's rows; {@code id} is the metric to ask for with --metrics. */
  public record QuantityEntry(String id, String metric, String unit, String direction) {
  }

  public record MetricEntry(String id, String name, List<QuantityEntry> quantities, boolean batchOneOnly, String summary) {
  }

  public record DeviceEntry(String device, boolean available, String detail) {
  }

  public record PluginEntry(String plugin, String version, String builtAgainst) {
  }

  @Override
  public void run() {
    PluginRegistry registry = root.profiler().registry();
    boolean all = !(variants || inputs || metrics || devices || plugins);
    List<VariantEntry> variantEntries = registry.variants().stream().map(ListCommand::entry).toList();
    List<InputEntry> inputEntries = registry.inputs().stream().map(input -> input.descriptor())
        .map(d -> new InputEntry(d.id(), d.modality().id(), d.lengthUnit(), d.fileTypes(), d.defaultLengths(),
            d.summary())).toList();
    List<MetricEntry> metricEntries = registry.metrics().stream().map(metric -> metric.descriptor())
        .map(d -> new MetricEntry(d.id(), d.displayName(), d.quantities().stream()
            .map(q -> new QuantityEntry(d.id(), q.id(), q.unit().symbol(), q.direction().id())).toList(), d.batchOneOnly(),
            d.summary())).toList();
    // a device's availability check may run a program (nvidia-smi): only when devices are listed
    List<DeviceEntry> deviceEntries = all || devices ? registry.devices().stream().map(ListCommand::entry).toList()
        : List.of();
    List<PluginEntry> pluginEntries = plugins(registry);
    List<String> diagnostics = registry.diagnostics().stream().map(PluginDiagnostic::line).toList();
    switch (output.format) {
      case json -> {
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, all || variants, "variants", variantEntries);
        put(document, all || inputs, "inputs", inputEntries);
        put(document, all || metrics, "metrics", metricEntries);
        put(document, all || devices, "devices", deviceEntries);
        put(document, all || plugins, "plugins", pluginEntries);
        put(document, all || plugins, "diagnostics", diagnostics);
        OutputFormat.printJson(root.out, document);
      }
      case csv -> {
        int sections = (variants ? 1 : 0) + (inputs ? 1 : 0) + (metrics ? 1 : 0) + (devices ? 1 : 0) + (plugins ? 1 : 0);
        if (sections > 1) {
          throw attnprof.api.ProfilerException.user("CSV holds one table: name one of --variants, --inputs, "
              + "--metrics, --devices or --modules (or use --format json)");
        }
        if (inputs) {
          OutputFormat.printCsv(root.out, InputEntry.class, inputEntries);
        } else if (metrics) {
          OutputFormat.printCsv(root.out, QuantityEntry.class,
              metricEntries.stream().flatMap(m -> m.quantities().stream()).toList());
        } else if (devices) {
          OutputFormat.printCsv(root.out, DeviceEntry.class, deviceEntries);
        } else if (plugins) {
          OutputFormat.printCsv(root.out, PluginEntry.class, pluginEntries);
        } else {
          OutputFormat.printCsv(root.out, VariantEntry.class, variantEntries);
        }
      }
      case table -> {
        PrintStream out = root.out;
        if (all || variants) {
          printVariants(out, variantEntries);
        }
        if (all || inputs) {
          TextTable table = new TextTable("INPUT", "MODALITY", "LENGTH UNIT", "FILES", "DEFAULT LENGTHS").prose(3, 4);
          inputEntries.forEach(i -> table.row(i.input(), i.modality(), i.lengthUnit(), String.join(", ", i.fileTypes()),
              i.defaultLengths().stream().map(l -> Lengths.number(l, i.lengthUnit()))
                  .collect(Collectors.joining(", "))));
          section(out, "Input generators", table);
        }
        if (all || metrics) {
          printMetrics(out, metricEntries, metrics);
        }
        if (all || devices) {
          TextTable table = new TextTable("DEVICE", "AVAILABLE", "DETAIL").prose(2);
          deviceEntries.forEach(d -> table.row(d.device(), d.available() ? "yes" : "no", d.detail()));
          section(out, "Devices", table);
        }
        if (all || plugins) {
          TextTable table = new TextTable("PLUGIN", "VERSION", "BUILT AGAINST").prose(2);
          pluginEntries.forEach(p -> table.row(p.plugin(), p.version(), p.builtAgainst()));
          section(out, "Plugins", table);
          out.println("Plugin diagnostics");
          if (diagnostics.isEmpty()) {
            out.println("none: every plugin loaded");
          } else {
            diagnostics.forEach(line -> out.println(Terminal.fit(line)));
          }
        }
      }
    }
  }

  private static void put(Map<String, Object> document, boolean wanted, String key, Object value) {
    if (wanted) {
      document.put(key, value);
    }
  }

  private static VariantEntry entry(ModelVariant variant) {
    var d = variant.descriptor();
    return new VariantEntry(d.id(), d.modality().id(), d.isVanilla() ? "" : d.baseline(),
        d.presets().stream().map(Preset::name).toList(), d.displayName(), d.summary(), d.paper(), moduleOf(variant),
        variant.modes().stream().sorted().map(attnprof.api.Mode::id).toList());
  }

  private static DeviceEntry entry(DeviceAdapter device) {
    String id = device.descriptor().family();
    Availability availability = availability(device, id);
    return new DeviceEntry(id, availability.available(), availability.reason());
  }

  /** The variants; their presets in the heading when every variant has the same ones, else in a column. */
  private static void printVariants(PrintStream out, List<VariantEntry> entries) {
    java.util.Set<List<String>> presets = entries.stream().map(VariantEntry::presets)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    boolean shared = presets.size() == 1;
    TextTable table = shared ? new TextTable("VARIANT", "MODALITY", "BASELINE", "NAME", "PLUGIN").prose(3, 4)
        : new TextTable("VARIANT", "MODALITY", "BASELINE", "PRESETS", "NAME", "PLUGIN").prose(3, 4, 5);
    for (VariantEntry e : entries) {
      String baseline = e.baseline().isEmpty() ? "(vanilla)" : e.baseline();
      if (shared) {
        table.row(e.variant(), e.modality(), baseline, e.name(), e.plugin());
      } else {
        table.row(e.variant(), e.modality(), baseline, String.join(", ", e.presets()), e.name(), e.plugin());
      }
    }
    section(out, shared ? "Variants (presets: " + String.join(", ", presets.iterator().next()) + ")" : "Variants",
        table);
  }

  /**
   * The metrics: with {@code each}, a line per quantity; otherwise a line per metric, the quantities of one
   * prefix grouped when there are many ({@code breakdown.* (11 quantities)}).
   */
  private static void printMetrics(PrintStream out, List<MetricEntry> entries, boolean each) {
    if (each) {
      TextTable table = new TextTable("METRIC", "QUANTITY", "UNIT", "BETTER");
      entries.forEach(m -> m.quantities().forEach(q -> table.row(m.id(), q.metric(), q.unit(), better(q.direction()))));
      section(out, "Metrics (ask for a metric with --metrics METRIC; its quantities are the rows' `metric`)", table);
      return;
    }
    TextTable table = new TextTable("METRIC", "QUANTITIES", "BATCH", "WHAT").prose(1, 3);
    entries.forEach(m -> table.row(m.id(), quantities(m.quantities()), m.batchOneOnly() ? "1" : "any", m.summary()));
    section(out, "Metrics (`attnprof list --metrics` lists each quantity)", table);
  }

  /** {@code latency (ms)}, or {@code breakdown.* (11 quantities)} for many quantities of one prefix. */
  static String quantities(List<QuantityEntry> quantities) {
    Map<String, List<QuantityEntry>> byPrefix = quantities.stream().collect(Collectors.groupingBy(
        q -> q.metric().contains(".") ? q.metric().substring(0, q.metric().indexOf('.')) : q.metric(),
        LinkedHashMap::new, Collectors.toList()));
    List<String> parts = new java.util.ArrayList<>();
    byPrefix.forEach((prefix, members) -> {
      if (members.size() >= GROUPED_FROM) {
        parts.add(prefix + ".* (" + members.size() + " quantities)");
      } else {
        members.forEach(q -> parts.add(q.metric() + " (" + q.unit() + ")"));
      }
    });
    return String.join(", ", parts);
  }

  /**
   * Each plugin module that provides something: its version, and the version of {@code attnprof.api} it was
   * compiled against (the Java compiler records it in the module's descriptor).
   */
  private static List<PluginEntry> plugins(PluginRegistry registry) {
    java.util.Set<Module> modules = new java.util.LinkedHashSet<>();
    for (ModelVariant variant : registry.variants()) {
      if (variant instanceof attnprof.engine.plugins.Composed composed) {
        modules.addAll(composed.modules());
      } else {
        modules.add(variant.getClass().getModule());
      }
    }
    registry.inputs().forEach(input -> modules.add(input.getClass().getModule()));
    registry.metrics().forEach(metric -> modules.add(metric.getClass().getModule()));
    registry.devices().forEach(device -> modules.add(device.getClass().getModule()));
    List<PluginEntry> entries = new java.util.ArrayList<>();
    String current = attnprof.api.Mode.class.getModule().getDescriptor() == null ? "?"
        : attnprof.api.Mode.class.getModule().getDescriptor().rawVersion().orElse("?");
    for (Module module : modules) {
      if (!module.isNamed() || module.getDescriptor() == null) {
        entries.add(new PluginEntry("class path", "", ""));
        continue;
      }
      var descriptor = module.getDescriptor();
      String against = descriptor.requires().stream().filter(r -> r.name().equals("attnprof.api")).findFirst()
          .flatMap(java.lang.module.ModuleDescriptor.Requires::rawCompiledVersion)
          .map(version -> "attnprof.api " + version + (version.equals(current) ? "" : " (this is " + current + ")"))
          .orElse(module.getName().equals("attnprof.engine") ? "(the engine)" : "attnprof.api, version not recorded");
      entries.add(new PluginEntry(module.getName(), descriptor.rawVersion().orElse(""), against));
    }
    return entries;
  }

  private static Availability availability(DeviceAdapter device, String id) {
    try {
      return device.availability(id.equals("cpu") ? id : id + ":0");
    } catch (RuntimeException e) {
      return Availability.unavailable("its availability check failed: " + e.getMessage());
    }
  }

  private static String better(String direction) {
    return switch (attnprof.api.metric.Direction.ofId(direction)) {
      case LOWER_IS_BETTER -> "lower";
      case HIGHER_IS_BETTER -> "higher";
      case NEITHER -> "a detail, not compared";
    };
  }

  private static String moduleOf(Object provider) {
    if (provider instanceof attnprof.engine.plugins.Composed composed) {
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
