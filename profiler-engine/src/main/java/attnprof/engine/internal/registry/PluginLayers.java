package attnprof.engine.internal.registry;

import attnprof.engine.plugins.PluginDiagnostic;
import attnprof.engine.plugins.PluginDiagnostic.Severity;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a plugins folder into module layers: one layer per jar in the folder, and one per
 * sub-folder (a plugin that brings its own library jars). Each layer is resolved against the boot
 * layer, which wins: a plugin cannot replace the API or the engine. A plugin compiled against
 * another API version, or one whose modules do not resolve, is skipped with one diagnostic.
 */
final class PluginLayers {
  private static final String API_MODULE = "attnprof.api";

  /** A loaded plugin: its layer and where it came from. */
  record PluginLayer(ModuleLayer layer, String source) {
  }

  private PluginLayers() {
  }

  static List<PluginLayer> load(Path folder, List<PluginDiagnostic> diagnostics) {
    List<PluginLayer> layers = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return layers;
    }
    List<Path> entries;
    try (Stream<Path> listing = Files.list(folder)) {
      entries = listing.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
          .sorted().toList();
    } catch (IOException e) {
      diagnostics.add(new PluginDiagnostic(Severity.WARNING, folder.toString(),
          "cannot list the plugins folder: " + e.getMessage()));
      return layers;
    }
    for (Path entry : entries) {
      String source = folder.getFileName() + "/" + entry.getFileName();
      try {
        defineLayer(entry, source, diagnostics).ifPresent(layer -> layers.add(new PluginLayer(layer, source)));
      } catch (RuntimeException | LinkageError e) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, source, "cannot load: " + oneLine(e)));
      }
    }
    return layers;
  }

  private static Optional<ModuleLayer> defineLayer(Path entry, String source, List<PluginDiagnostic> diagnostics) {
    ModuleFinder finder = ModuleFinder.of(entry);
    Set<ModuleReference> found = finder.findAll();
    if (found.isEmpty()) {
      diagnostics.add(new PluginDiagnostic(Severity.WARNING, source, "holds no module; skipped"));
      return Optional.empty();
    }
    ModuleLayer boot = ModuleLayer.boot();
    List<String> roots = new ArrayList<>();
    for (ModuleReference reference : found) {
      ModuleDescriptor descriptor = reference.descriptor();
      if (boot.findModule(descriptor.name()).isPresent()) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, source, "module " + descriptor.name()
            + " is already on the module path; the copy in the plugins folder is skipped"));
        continue;
      }
      Optional<String> mismatch = apiVersionMismatch(descriptor);
      if (mismatch.isPresent()) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, source, mismatch.get()));
        return Optional.empty();
      }
      roots.add(descriptor.name());
    }
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    // the boot layer's modules come first: a plugin cannot shadow the API or the engine
    Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(), finder, roots);
    return Optional.of(boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader()));
  }

  /** A sentence when the plugin was compiled against an API version this engine does not have. */
  static Optional<String> apiVersionMismatch(ModuleDescriptor plugin) {
    Optional<ModuleDescriptor.Version> running = ModuleLayer.boot().findModule(API_MODULE)
        .flatMap(m -> m.getDescriptor().version());
    if (running.isEmpty()) {
      return Optional.empty();
    }
    return plugin.requires().stream()
        .filter(r -> r.name().equals(API_MODULE))
        .flatMap(r -> r.compiledVersion().stream())
        .filter(compiled -> !compatible(compiled, running.get()))
        .map(compiled -> "module " + plugin.name() + " was built against attnprof API " + compiled
            + " but this engine has " + running.get() + "; rebuild the plugin against it")
        .findFirst();
  }

  /** Same major version, and for 0.x the same minor version too (semantic versioning's rule). */
  static boolean compatible(ModuleDescriptor.Version compiled, ModuleDescriptor.Version running) {
    List<String> a = numericParts(compiled.toString());
    List<String> b = numericParts(running.toString());
    if (a.isEmpty() || b.isEmpty() || !a.get(0).equals(b.get(0))) {
      return a.equals(b);
    }
    return !a.get(0).equals("0") || (a.size() > 1 && b.size() > 1 && a.get(1).equals(b.get(1)));
  }

  private static List<String> numericParts(String version) {
    return Stream.of(version.split("[.-]")).takeWhile(s -> s.matches("[0-9]+")).collect(Collectors.toList());
  }

  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
