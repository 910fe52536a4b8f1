package attnprof.plugin.speech.hubert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.Mode;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.plugin.speech.WaveformInputs;
import attnprof.plugin.speech.brq.BrqMhsaVariant;
import attnprof.plugin.speech.streaming.StreamingMhsaVariant;
import attnprof.testkit.ChunkedAttentionCheck;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The speech bodies' attention in query and key chunks (HuBERT's, and the relative-position attention of the BEST-RQ
 * and streaming Conformers) computes their dense attention's function, at its FLOPs.
 */
class ChunkedSpeechAttentionTest {
  static Stream<ModelVariant> bodies() {
    return Stream.of(new HubertVariant(), new BrqMhsaVariant(), new StreamingMhsaVariant());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void theWholeModelInChunksEqualsItsDenseSelf(ModelVariant variant) {
    ModelConfig dense = ModelConfig.resolve(variant.descriptor(), Preset.TINY, Map.of());
    assertThat(AttentionParameters.chunked(dense)).as("dense is the default").isFalse();
    // 0.3 s: a dozen frames or more, several chunks of 3 queries and 5 keys
    ChunkedAttentionCheck.assertSameOutput(variant, dense, 2, 0.3, new WaveformInputs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void theMixerInChunksEqualsItsDenseSelfOnPaddedFrames(ModelVariant variant) {
    if (variant.tokenMixer(ModelConfig.resolve(variant.descriptor(), Preset.TINY, Map.of())).isEmpty()) {
      return; // the streaming Conformer's mixer sees time through its view: StreamingCorrectnessTest checks it
    }
    ChunkedAttentionCheck.assertSamePaddedMix(variant, ModelConfig.resolve(variant.descriptor(), Preset.TINY,
        Map.of()), 14, 9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void itsInferenceFlopsAreTheDenseOnesWithinTwoPercent(ModelVariant variant) {
    ModelConfig dense = ModelConfig.resolve(variant.descriptor(), Preset.TINY, Map.of());
    // 40 s: about 2000 frames, several chunks of the default size
    double ratio = ChunkedAttentionCheck.flopRatio(variant, dense, Map.of(AttentionParameters.ATTENTION,
        AttentionParameters.CHUNKED), 1, 40, Mode.INFERENCE);
    assertThat(ratio).isCloseTo(1.0, within(0.02));
  }
}
