package attnprof.plugin.speech.hubert;

import attnprof.plugin.speech.mixers.Fastformer;
import attnprof.api.Modality;
import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import java.util.List;

/**
 * Fastformer's additive attention as a mixer of HuBERT's body: composed by the engine into {@code speech/fastformer},
 * compared with {@code speech/hubert}. Its helpers also serve the BEST-RQ Conformer's variant.
 */
public final class FastformerMixer extends HubertBodyMixer {
  public static final String PAPER = "Wu, Wu, Qi, Huang, Xie: Fastformer: Additive Attention Can Be All You Need, arXiv "
      + "2108.09084, 2021";
  public static final String SUMMARY = "additive attention: global query and key vectors by attention pooling, element-wise "
      + "interactions; linear in length";
  private static final MixerDescriptor DESCRIPTOR = MixerDescriptor.builder("fastformer").displayName("Fastformer")
      .paper(PAPER).summary(SUMMARY).modalities(Modality.SPEECH).bodies(HubertVariant.ID).build();

  public FastformerMixer() {
    super(DESCRIPTOR, config -> notesOf());
  }

  @Override
  public TokenMixer create(MixerContext context) {
    return new Fastformer(context.heads());
  }

  public static List<String> notesOf() {
    return List.of("as the BEST-RQ study's fast_attention.py: three d x d projections (query, key, output; the values "
        + "are the queries); per head, a global query by attention pooling with a dense width-to-heads scorer, "
        + "multiplied into the keys; a global key likewise, multiplied into the queries; output projection plus the "
        + "queries");
  }
}
