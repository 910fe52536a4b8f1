package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.VariantDescriptor;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code speech/hypermixing}: HuBERT with HyperMixer's multi-head hypernetwork token mixing. */
public final class HyperMixingVariant implements ModelVariant {
  static final String HYPERNET_SIZE = "hypernet_size";
  static final String PAPER = "Mai, Pannatier, Fehr, Chen, Marfurt, Fleuret, Henderson: HyperMixer: An MLP-based Low "
      + "Cost Alternative to Transformers, ACL 2023";
  static final String SUMMARY = "token-mixing MLP whose weights hypernetworks make from the input, per head: "
      + "W2 · GELU(W1ᵀ · X), linear in length";
  static final ParameterSpec PARAMETER = ParameterSpec.integer(HYPERNET_SIZE, 1,
      "hidden units of the generated token-mixing MLP over all heads (hypernet_size; SpeechBrain's Conformer uses "
          + "the feed-forward width)");
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/hypermixing", "HyperMixing",
      Modality.SPEECH, HubertVariant.ID, PAPER, SUMMARY,
      SpeechMixerPresets.of("HyperMixing", new String[] {HYPERNET_SIZE, "64"}, new String[] {HYPERNET_SIZE, "768"},
          new String[] {HYPERNET_SIZE, "3072"}),
      SpeechParameters.plus(PARAMETER));

  @Override
  public void check(ModelConfig config) {
    SpeechParameters.check(config);
    config.requireMultiple(HYPERNET_SIZE, SpeechParameters.HEADS);
  }

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(new HyperMixing(config.integer(SpeechParameters.HEADS), config.integer(HYPERNET_SIZE),
        SpeechEncoder.EPSILON));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    HyperMixing mixer = new HyperMixing(config.integer(SpeechParameters.HEADS), config.integer(HYPERNET_SIZE),
        SpeechEncoder.EPSILON);
    return SpeechEncoder.build(tf, request, layer -> mixer, List.of());
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return SpeechEncoder.withRateNote(notesOf(config));
  }

  static List<String> notesOf(ModelConfig config) {
    return List.of("as speechbrain/nnet/hypermixing.py (untied, fix_tm_hidden_size false): per head, W1 and W2 from "
        + "X + P (P sinusoidal positions) by GELU MLPs (ParallelMLPs) of width/heads hidden units and "
        + config.integer(HYPERNET_SIZE) + "/heads outputs; W2 · GELU(W1ᵀ X_h); heads joined, then LayerNorm");
  }
}
