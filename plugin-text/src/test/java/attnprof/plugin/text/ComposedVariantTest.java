package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.mixer.MixerProvider;
import attnprof.api.model.ModelVariant;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.TokenMixer;
import attnprof.engine.Profiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plugin's mixer composed with BERT's body: the body's weights are the baseline's, so only the mixer differs. */
class ComposedVariantTest {
  /** Vanilla attention offered as a mixer: composed with BERT's body, it must be BERT. */
  private static final class AttentionAgain implements MixerProvider {
    @Override
    public MixerDescriptor descriptor() {
      return MixerDescriptor.builder("attention-again").paper("a test").build();
    }

    @Override
    public TokenMixer create(MixerContext context) {
      return new MultiHeadAttention(context.heads());
    }
  }

  /** Multi-head attention with twice the heads: same weights, another function. */
  private static final class MoreHeads implements MixerProvider {
    @Override
    public MixerDescriptor descriptor() {
      return MixerDescriptor.builder("more-heads").paper("a test").build();
    }

    @Override
    public TokenMixer create(MixerContext context) {
      return new MultiHeadAttention(2 * context.heads());
    }
  }

  @Test
  void aMixerOnBertsBodySharesBertsWeightsAndIsComparedWithIt() {
    Profiler profiler = Profiler.builder().addProvider(new AttentionAgain()).addProvider(new MoreHeads()).build();
    ModelVariant bert = profiler.registry().variant("text/bert");
    ModelVariant again = profiler.registry().variant("text/attention-again");
    ModelVariant moreHeads = profiler.registry().variant("text/more-heads");

    assertThat(again.descriptor().baseline()).isEqualTo("text/bert");
    assertThat(again.descriptor().parameters()).isEqualTo(bert.descriptor().parameters());
    float[] reference = TextReferences.forward(bert, TextReferences.tiny(bert, Map.of()), 12);
    // the same mixer in the body gives the same output: every weight of the body is the baseline's
    assertThat(TextReferences.forward(again, TextReferences.tiny(again, Map.of()), 12)).containsExactly(reference);
    // another mixer on the same weights gives another output
    assertThat(TextReferences.maxAbsoluteDifference(reference,
        TextReferences.forward(moreHeads, TextReferences.tiny(moreHeads, Map.of()), 12))).isGreaterThan(1e-4);
  }
}
