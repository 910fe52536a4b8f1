package attnprof.plugin.vision;

import attnprof.engine.Profiler;
import attnprof.testkit.VariantConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every built-in vision variant passes the conformance suite every variant, built-in or a plugin's, must pass. */
class VisionConformanceTest {
  @TestFactory
  Stream<DynamicTest> everyVariantConforms() {
    Profiler profiler = Profiler.builder().build();
    return Stream.of("vision/vit", "vision/swin", "vision/glmix")
        .flatMap(id -> VariantConformance.of(profiler, id).tests());
  }

  @org.junit.jupiter.api.Test
  void theClassPathServiceFilesListWhatModuleInfoProvides() {
    org.assertj.core.api.Assertions.assertThat(attnprof.testkit.ServiceFiles.mismatches(VitVariant.class))
        .isEmpty();
  }
}
