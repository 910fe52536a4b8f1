package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.Preset;
import attnprof.testkit.ChunkedAttentionCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BERT with its attention in query and key chunks computes dense BERT's function, at dense BERT's FLOPs. */
class ChunkedBertTest {
  private final BertVariant bert = new BertVariant();

  @Test
  void chunkedBertEqualsDenseBertPaddingIncluded() {
    ModelConfig dense = TextReferences.tiny(bert, Map.of());
    assertThat(AttentionParameters.chunked(dense)).as("dense is the default").isFalse();
    ChunkedAttentionCheck.assertSameOutput(bert, dense, 2, 13, new TokenIdInputs());
    ChunkedAttentionCheck.assertSamePaddedMix(bert, dense, 13, 9);
  }

  @Test
  void chunkedBertTrainsAsDenseBertDoes() {
    ChunkedAttentionCheck.assertSameTraining(bert, TextReferences.tiny(bert, Map.of()), 2, 13, new TokenIdInputs());
  }

  @Test
  void noTensorOfChunkedBertIsAsLargeAsTheScoresOfAllTokens() {
    ModelConfig dense = TextReferences.tiny(bert, Map.of());
    long heads = dense.integer("heads");
    assertThat(attnprof.testkit.ModelEvaluator.largestActivation(bert, dense, 1, 512)).isEqualTo(heads * 512 * 512);
    // a query chunk's scores against a key chunk; the feed-forward's [512, 64] is less
    assertThat(attnprof.testkit.ModelEvaluator.largestActivation(bert, dense.with(ChunkedAttentionCheck.chunks(128,
        256)), 1, 512)).isEqualTo(heads * 128 * 256);
  }

  @ParameterizedTest(name = "{0} preset at {1} tokens in chunks of {2} queries and {3} keys")
  @CsvSource({"tiny, 1024, 256, 4096", "tiny, 4096, 256, 1024", "small, 2048, 256, 4096", "small, 2048, 256, 512"})
  void itsInferenceFlopsAreTheDenseOnesWithinTwoPercent(String preset, int tokens, int queries, int keys) {
    ModelConfig dense = ModelConfig.resolve(bert.descriptor(), preset, Map.of());
    double ratio = ChunkedAttentionCheck.flopRatio(bert, dense, ChunkedAttentionCheck.chunks(queries, keys), 1,
        tokens, Mode.INFERENCE);
    assertThat(ratio).isCloseTo(1.0, within(0.02));
  }

  @Test
  void anUnknownKindOfAttentionIsAUserErrorNamingBoth() {
    ModelConfig config = ModelConfig.resolve(bert.descriptor(), Preset.TINY, Map.of("attention", "flash"));
    assertThatThrownBy(() -> bert.check(config)).isInstanceOf(ProfilerException.class)
        .hasMessage("parameter `attention` is dense or chunked, got `flash`");
  }

  @Test
  void describeSaysWhatChunkedAttentionDoesInTraining() {
    ModelConfig chunked = ModelConfig.resolve(bert.descriptor(), Preset.TINY, Map.of("attention", "chunked"));
    assertThat(bert.notes(chunked)).contains(AttentionParameters.TRAINING_NOTE);
    assertThat(bert.notes(ModelConfig.resolve(bert.descriptor(), Preset.TINY, Map.of())))
        .doesNotContain(AttentionParameters.TRAINING_NOTE);
  }
}
