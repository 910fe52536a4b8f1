package attnprof.plugin.text;

import attnprof.engine.Profiler;
import attnprof.testkit.VariantConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every built-in text variant passes the conformance suite every variant, built-in or a plugin's, must pass. */
class TextConformanceTest {
  @TestFactory
  Stream<DynamicTest> everyVariantConforms() {
    Profiler profiler = Profiler.builder().build();
    return Stream.of("text/bert", "text/longformer", "text/nystromformer")
        .flatMap(id -> VariantConformance.of(profiler, id).tests());
  }

  @org.junit.jupiter.api.Test
  void theClassPathServiceFilesListWhatModuleInfoProvides() {
    org.assertj.core.api.Assertions.assertThat(attnprof.testkit.ServiceFiles.mismatches(BertVariant.class))
        .isEmpty();
    // and the engine's own metrics and CPU device
    org.assertj.core.api.Assertions.assertThat(attnprof.testkit.ServiceFiles.mismatches(
        attnprof.engine.Profiler.class)).isEmpty();
  }
}
