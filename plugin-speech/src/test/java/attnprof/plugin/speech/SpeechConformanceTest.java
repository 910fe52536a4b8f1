package attnprof.plugin.speech;

import attnprof.plugin.speech.hubert.HubertVariant;
import attnprof.engine.Profiler;
import attnprof.testkit.VariantConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every built-in speech variant passes the conformance suite every variant, built-in or a plugin's, must pass. */
class SpeechConformanceTest {
  @TestFactory
  Stream<DynamicTest> everyVariantConforms() {
    Profiler profiler = Profiler.builder().build();
    return Stream.of("speech/hubert", "speech/l-hubert", "speech/summarymixing", "speech/hypermixing", "speech/fastformer",
        "speech/mamba", "speech/brq-mhsa", "speech/brq-summarymixing", "speech/brq-hypermixing", "speech/brq-fastformer",
        "speech/brq-mamba", "speech/streaming-mhsa", "speech/streaming-summarymixing")
        .flatMap(id -> VariantConformance.of(profiler, id).tests());
  }

  @org.junit.jupiter.api.Test
  void theClassPathServiceFilesListWhatModuleInfoProvides() {
    org.assertj.core.api.Assertions.assertThat(attnprof.testkit.ServiceFiles.mismatches(HubertVariant.class))
        .isEmpty();
  }
}
