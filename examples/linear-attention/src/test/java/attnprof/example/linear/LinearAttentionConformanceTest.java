package attnprof.example.linear;

import attnprof.engine.Profiler;
import attnprof.testkit.MixerConformance;
import attnprof.testkit.VariantConformance;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The mixer on each modality's body passes the suite every variant passes. */
class LinearAttentionConformanceTest {
  @TestFactory
  Stream<DynamicTest> conformsOnEveryBody() {
    Profiler profiler = Profiler.builder().pluginsFolder(Path.of("target", "attnprof-plugins")).build();
    return Stream.of("text", "speech", "vision")
        .flatMap(modality -> VariantConformance.of(profiler, modality + "/linear-attention").tests());
  }

  @TestFactory
  Stream<DynamicTest> ignoresPadding() {
    return MixerConformance.of(new LinearAttention()).tests();
  }
}
