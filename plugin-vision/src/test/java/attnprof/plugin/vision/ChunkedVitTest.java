package attnprof.plugin.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.Mode;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.Preset;
import attnprof.testkit.ChunkedAttentionCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ViT with its attention in query and key chunks computes dense ViT's function, at dense ViT's FLOPs. */
class ChunkedVitTest {
  private final VitVariant vit = new VitVariant();
  private final ModelConfig dense = ModelConfig.resolve(vit.descriptor(), Preset.TINY, Map.of());

  @Test
  void chunkedVitEqualsDenseVitPaddingIncluded() {
    assertThat(AttentionParameters.chunked(dense)).as("dense is the default").isFalse();
    // 56 px: a 4 x 4 grid of patches after padding to 64, and the class token
    ChunkedAttentionCheck.assertSameOutput(vit, dense, 2, 56, new ImageInputs());
    ChunkedAttentionCheck.assertSamePaddedMix(vit, dense, 17, 12);
  }

  @Test
  void itsInferenceFlopsAreTheDenseOnesWithinTwoPercent() {
    // 512 px: 1025 tokens, five query chunks of the default size
    double ratio = ChunkedAttentionCheck.flopRatio(vit, dense, Map.of(AttentionParameters.ATTENTION,
        AttentionParameters.CHUNKED), 1, 512, Mode.INFERENCE);
    assertThat(ratio).isCloseTo(1.0, within(0.02));
  }
}
