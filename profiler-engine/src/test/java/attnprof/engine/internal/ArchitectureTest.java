package attnprof.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine names no plugin: it finds them through the services it uses. Test support lives in the testkit,
 * which no production module requires.
 */
class ArchitectureTest {

  @Test
  void theEngineRequiresNoPluginAndUsesEverySpiType() {
    ModuleDescriptor engine = ArchitectureTest.class.getModule().getDescriptor();

    assertThat(engine.name()).isEqualTo("attnprof.engine");
    assertThat(engine.requires()).extracting(ModuleDescriptor.Requires::name)
        .noneMatch(name -> name.startsWith("attnprof.plugin"));
    assertThat(engine.uses()).containsExactlyInAnyOrder("attnprof.api.model.ModelVariant",
        "attnprof.api.input.InputGenerator", "attnprof.api.metric.Metric", "attnprof.api.device.DeviceAdapter",
        "attnprof.api.mixer.MixerProvider", "attnprof.api.mixer.MixerBody");
  }

  @Test
  void noEngineClassNamesAPluginClass() throws Exception {
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    try (var files = java.nio.file.Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String bytes = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(file.toString()).doesNotContain("attnprof/plugin/").doesNotContain("attnprof/example/");
      }
    }
  }

  @Test
  void theProductionJarHoldsNoTestSupportAndNoProductionModuleRequiresTheTestkit() throws Exception {
    ModuleDescriptor engine = ArchitectureTest.class.getModule().getDescriptor();
    assertThat(engine.packages()).noneMatch(name -> name.contains("testkit"));
    assertThat(engine.exports()).extracting(ModuleDescriptor.Exports::source).noneMatch(name -> name.contains("testkit"));
    try (var jar = new java.util.jar.JarFile(java.nio.file.Path.of("target", "profiler-engine.jar").toFile())) {
      assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
          .noneMatch(name -> name.contains("testkit") || name.contains("HeadlessBrowser"));
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException notPackagedYet) {
      // unit tests run before the jar is packaged on a clean build; the classes above are what goes into it
    }
    java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
    try (var files = java.nio.file.Files.walk(root)) {
      List<java.nio.file.Path> productionModules = files
          .filter(f -> f.getFileName().toString().equals("module-info.java"))
          .filter(f -> f.toString().contains("/src/main/java/") && !f.toString().contains("/target/"))
          .filter(f -> !f.startsWith(root.resolve("profiler-engine/testkit")))
          .toList();
      assertThat(productionModules).hasSizeGreaterThanOrEqualTo(7);
      for (java.nio.file.Path moduleInfo : productionModules) {
        // the engine exports internals to the testkit (its ModelEvaluator); none may require it
        assertThat(java.nio.file.Files.readString(moduleInfo)).as(moduleInfo.toString())
            .doesNotContainPattern("requires\\s+(transitive\\s+|static\\s+)*attnprof\\.testkit");
      }
    }
  }

  @Test
  void theApiDependsOnNothingOfTheEngine() {
    ModuleDescriptor api = attnprof.api.Mode.class.getModule().getDescriptor();

    assertThat(api.requires()).extracting(ModuleDescriptor.Requires::name)
        .noneMatch(name -> name.startsWith("attnprof."));
  }

  @Test
  void theEnginesPackagesDependOnEachOtherWithoutACycle() throws Exception {
    java.util.Map<String, java.util.Set<String>> graph = PackageGraph.ofClasses(java.nio.file.Path.of("target", "classes"),
        "attnprof/engine/");

    assertThat(graph).containsKeys("attnprof.engine", "attnprof.engine.internal.sweep", "attnprof.engine.result");
    assertThat(PackageGraph.cycles(graph)).as("package cycles of profiler-engine").isEmpty();
  }

  @Test
  void theLauncherUsesOnlyTheFacadeAndThePublicPackages() throws Exception {
    java.util.Map<String, java.util.Set<String>> graph = PackageGraph.ofClasses(java.nio.file.Path.of("target", "classes"),
        "attnprof/engine/");

    assertThat(graph.get("attnprof.engine.internal.cli")).isSubsetOf("attnprof.engine", "attnprof.engine.request",
        "attnprof.engine.result", "attnprof.engine.plugins", "attnprof.engine.format");
    ModuleDescriptor engine = ArchitectureTest.class.getModule().getDescriptor();
    assertThat(engine.exports()).filteredOn(e -> !e.isQualified()).extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("attnprof.engine", "attnprof.engine.request", "attnprof.engine.result",
            "attnprof.engine.plugins", "attnprof.engine.format");
  }

  /** Output-format rows: one column per component is their purpose. */
  private static final java.util.Set<String> ROWS = java.util.Set.of("attnprof.engine.result.ResultRow");

  @Test
  void noMainClassIsOverThreeHundredFiftyLinesAndNoRecordOverSixteenComponents() throws Exception {
    java.nio.file.Path sources = java.nio.file.Path.of("src", "main", "java");
    List<String> long_ = new java.util.ArrayList<>();
    List<String> wide = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.walk(sources)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        long lines = java.nio.file.Files.lines(file).count();
        if (lines > 350) {
          long_.add(sources.relativize(file) + " (" + lines + " lines)");
        }
      }
    }
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    try (var files = java.nio.file.Files.walk(classes.resolve("attnprof"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, ArchitectureTest.class.getClassLoader());
        if (type.isRecord() && type.getRecordComponents().length > 16 && !ROWS.contains(name)) {
          wide.add(name + " (" + type.getRecordComponents().length + " components)");
        }
      }
    }

    assertThat(long_).as("main classes over 350 lines").isEmpty();
    assertThat(wide).as("records over 16 components").isEmpty();
  }
}
