package attnprof.plugin.speech.hubert;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.engine.Profiler;
import attnprof.testkit.ModelEvaluator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HuBERT's body with SummaryMixing, HyperMixing, Fastformer and Mamba: their parameter counts and FLOPs (one second,
 * inference) at every preset, as the engine's registry serves them, are the figures they had as variants of their
 * own before they became mixers composed through the mixer SPI.
 */
class BuiltInMixersTest {
  private static final Profiler PROFILER = Profiler.builder().build();

  static Stream<Arguments> figures() {
    return Stream.of(
        Arguments.of("speech/summarymixing", "tiny", 26256L, 8942412L),
        Arguments.of("speech/summarymixing", "small", 1859968L, 261983124L),
        Arguments.of("speech/summarymixing", "base", 82584448L, 12658018676L),
        Arguments.of("speech/hypermixing", "tiny", 24400L, 9131600L),
        Arguments.of("speech/hypermixing", "small", 1791616L, 284283932L),
        Arguments.of("speech/hypermixing", "base", 72032128L, 12090434060L),
        Arguments.of("speech/fastformer", "tiny", 24344L, 8703684L),
        Arguments.of("speech/fastformer", "small", 1864608L, 261805940L),
        Arguments.of("speech/fastformer", "base", 87506080L, 13132732244L),
        Arguments.of("speech/mamba", "tiny", 48336L, 11753620L),
        Arguments.of("speech/mamba", "small", 3427456L, 441314212L),
        Arguments.of("speech/mamba", "base", 156542848L, 20214541988L));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("figures")
  void theParametersAndFlopsAreTheVariantsOfBefore(String id, String preset, long parameters, long flops) {
    ModelVariant variant = PROFILER.registry().variant(id);
    ModelConfig config = ModelConfig.resolve(variant.descriptor(), preset, Map.of());

    long counted = ModelEvaluator.parameters(variant, config, 1.0, Mode.INFERENCE);
    long total = ModelEvaluator.flops(variant, config, 1, 1.0, Mode.INFERENCE).values().stream()
        .mapToLong(Long::longValue).sum();

    assertThat(counted).as("parameters").isEqualTo(parameters);
    assertThat(total).as("FLOPs").isEqualTo(flops);
  }
}
