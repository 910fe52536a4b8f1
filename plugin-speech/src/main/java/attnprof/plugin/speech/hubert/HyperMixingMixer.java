package attnprof.plugin.speech.hubert;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.plugin.speech.mixers.HyperMixing;
import attnprof.api.Modality;
import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;
import attnprof.api.nn.TokenMixer;
import java.util.List;

/**
 * HyperMixer's multi-head hypernetwork token mixing as a mixer of HuBERT's body: composed by the engine into
 * {@code speech/hypermixing}, compared with {@code speech/hubert}. Its helpers also serve the BEST-RQ Conformer's
 * variant.
 */
public final class HyperMixingMixer extends HubertBodyMixer {
  public static final String HYPERNET_SIZE = "hypernet_size";
  public static final String PAPER = "Mai, Pannatier, Fehr, Chen, Marfurt, Fleuret, Henderson: HyperMixer: An MLP-based Low "
      + "Cost Alternative to Transformers, ACL 2023";
  public static final String SUMMARY = "token-mixing MLP whose weights hypernetworks make from the input, per head: "
      + "W2 · GELU(W1ᵀ · X), linear in length";
  public static final ParameterSpec PARAMETER = ParameterSpec.integer(HYPERNET_SIZE, 1,
      "hidden units of the generated token-mixing MLP over all heads (hypernet_size; SpeechBrain's Conformer uses "
          + "the feed-forward width)");
  private static final MixerDescriptor DESCRIPTOR = MixerDescriptor.builder("hypermixing").displayName("HyperMixing")
      .paper(PAPER).summary(SUMMARY).modalities(Modality.SPEECH).bodies(HubertVariant.ID)
      .parameter(PARAMETER, "64", "768", "3072").build();

  public HyperMixingMixer() {
    super(DESCRIPTOR, HyperMixingMixer::notesOf);
  }

  @Override
  public void check(MixerContext context) {
    context.config().requireMultiple(HYPERNET_SIZE, HEADS);
  }

  @Override
  public TokenMixer create(MixerContext context) {
    return new HyperMixing(context.heads(), context.config().integer(HYPERNET_SIZE), SpeechEncoder.EPSILON);
  }

  public static List<String> notesOf(ModelConfig config) {
    return List.of("as speechbrain/nnet/hypermixing.py (untied, fix_tm_hidden_size false): per head, W1 and W2 from "
        + "X + P (P sinusoidal positions) by GELU MLPs (ParallelMLPs) of width/heads hidden units and "
        + config.integer(HYPERNET_SIZE) + "/heads outputs; W2 · GELU(W1ᵀ X_h); heads joined, then LayerNorm");
  }
}
