package attnprof.testkit;

import attnprof.api.mixer.MixerProvider;
import attnprof.api.model.ModelVariant;
import attnprof.engine.Profiler;
import attnprof.engine.plugins.Composed;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * {@code attnprof verify JAR...}: the conformance suites on plugin jars, without Maven or a test runner. Each jar is
 * loaded as the launcher loads a dropped-in plugin; each variant it provides, and each variant the engine composes
 * from a mixer it provides, runs {@link VariantConformance}; each mixer runs {@link MixerConformance}. One line per
 * check, then a count. Exits 0 when every check passed, 1 when one failed, 2 for jars it cannot use.
 */
public final class Verify {
  private final PrintStream out;

  private Verify(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new Verify(System.out).run(List.of(args).stream().map(Path::of).toList()));
  }

  /** Runs every check of the jars' providers; returns the exit code. */
  int run(List<Path> jars) {
    Set<String> modules;
    Path folder;
    try {
      modules = moduleNames(jars);
      folder = pluginsFolder(jars);
    } catch (IllegalArgumentException | IOException | FindException e) {
      System.err.println("attnprof: " + oneLine(e));
      return 2;
    }
    Profiler profiler = Profiler.builder().pluginsFolder(folder).build();
    profiler.registry().diagnostics().forEach(d -> System.err.println(d.line()));
    List<DynamicTest> checks = new ArrayList<>();
    List<String> provided = new ArrayList<>();
    for (ModelVariant variant : profiler.registry().variants()) {
      if (providedBy(variant, modules)) {
        provided.add(variant.descriptor().id());
        checks.addAll(VariantConformance.of(profiler, variant.descriptor().id()).tests().toList());
      }
    }
    for (MixerProvider mixer : mixers(jars, modules)) {
      provided.add("mixer " + mixer.descriptor().id());
      checks.addAll(MixerConformance.of(mixer).tests().toList());
    }
    if (provided.isEmpty()) {
      System.err.println("attnprof: " + String.join(", ", modules) + " provides no variant or mixer to verify");
      return 2;
    }
    out.println("verifying " + String.join(", ", provided) + ": " + checks.size() + " checks");
    int failed = 0;
    int skipped = 0;
    for (DynamicTest check : checks) {
      try {
        check.getExecutable().execute();
        out.println("  ok    " + check.getDisplayName());
      } catch (Throwable e) {
        if (e.getClass().getName().equals("org.opentest4j.TestAbortedException")) {
          skipped++;
          out.println("  skip  " + check.getDisplayName() + ": " + oneLine(e));
        } else {
          failed++;
          out.println("  FAIL  " + check.getDisplayName() + ": " + oneLine(e));
        }
      }
    }
    out.println(checks.size() + " checks: " + (checks.size() - failed - skipped) + " passed, " + failed + " failed, "
        + skipped + " skipped");
    return failed == 0 ? 0 : 1;
  }

  /**
   * Whether a plugin of these modules provides the variant, or the mixer the engine composed it from (a jar with a
   * body makes compositions of other plugins' mixers, which are theirs to verify).
   */
  private static boolean providedBy(ModelVariant variant, Set<String> modules) {
    Module module = variant instanceof Composed composed ? composed.modules().get(0) : variant.getClass().getModule();
    return module.isNamed() && modules.contains(module.getName());
  }

  /** The mixers the jars provide, loaded in a layer of their own. */
  private static List<MixerProvider> mixers(List<Path> jars, Set<String> modules) {
    ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
    try {
      Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(),
          modules);
      ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
          ClassLoader.getSystemClassLoader());
      return ServiceLoader.load(layer, MixerProvider.class).stream()
          .filter(provider -> provider.type().getModule().getLayer() == layer).map(ServiceLoader.Provider::get)
          .toList();
    } catch (ResolutionException | FindException | LayerInstantiationException e) {
      System.err.println("attnprof: cannot load the mixers of " + String.join(", ", modules) + ": " + oneLine(e));
      return List.of();
    }
  }

  private static Set<String> moduleNames(List<Path> jars) {
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("name the plugin jars to verify: attnprof verify JAR...");
    }
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
        throw new IllegalArgumentException(jar + " is not a jar file");
      }
    }
    return ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream().map(ModuleReference::descriptor)
        .map(java.lang.module.ModuleDescriptor::name).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A folder of the jars, as the launcher loads dropped-in plugins from one. */
  private static Path pluginsFolder(List<Path> jars) throws IOException {
    Path folder = Files.createTempDirectory("attnprof-verify");
    folder.toFile().deleteOnExit();
    for (Path jar : jars) {
      Path copy = folder.resolve(jar.getFileName());
      Files.copy(jar, copy);
      copy.toFile().deleteOnExit();
    }
    return folder;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Stream.of(message.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
        .collect(Collectors.joining(" "));
  }
}
