package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.Activation;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code speech/summarymixing}: HuBERT with SummaryMixing in place of self-attention. */
public final class SummaryMixingVariant implements ModelVariant {
  static final String LOCAL_HIDDEN = "local_hidden";
  static final String LOCAL_OUT = "local_out";
  static final String SUMMARY_HIDDEN = "summary_hidden";
  static final String PAPER = "Parcollet, van Dalen, Zhang, Bhattacharya: SummaryMixing: A Linear-Complexity Alternative to "
      + "Self-Attention for Speech Recognition and Understanding, Interspeech 2024";
  static final String SUMMARY = "each frame is combined with the mean over time of a transformed sequence: linear in length";

  /** The mixer's own parameters, shared with the BEST-RQ Conformer variant. */
  static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer(LOCAL_HIDDEN, 1, "hidden width of the local branch's per-head MLP (local_proj_hid_dim)"),
      ParameterSpec.integer(LOCAL_OUT, 1, "output width of the local branch (local_proj_out_dim)"),
      ParameterSpec.integer(SUMMARY_HIDDEN, 1, "hidden width of the summary branch's per-head MLP (summary_hid_dim); "
          + "its output is as wide as the model"));

  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/summarymixing", "SummaryMixing",
      Modality.SPEECH, HubertVariant.ID, PAPER, SUMMARY,
      SpeechMixerPresets.of("SummaryMixing",
          new String[] {LOCAL_HIDDEN, "32", LOCAL_OUT, "32", SUMMARY_HIDDEN, "32"},
          new String[] {LOCAL_HIDDEN, "192", LOCAL_OUT, "192", SUMMARY_HIDDEN, "192"},
          new String[] {LOCAL_HIDDEN, "768", LOCAL_OUT, "768", SUMMARY_HIDDEN, "768"}),
      SpeechParameters.plus(PARAMETERS.toArray(ParameterSpec[]::new)));

  @Override
  public void check(ModelConfig config) {
    SpeechParameters.check(config);
    config.requireMultiple(LOCAL_HIDDEN, SpeechParameters.HEADS);
    config.requireMultiple(LOCAL_OUT, SpeechParameters.HEADS);
    config.requireMultiple(SUMMARY_HIDDEN, SpeechParameters.HEADS);
  }

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(mixer(config, config.integer(SpeechParameters.HEADS), Activation.GELU));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    SummaryMixing mixer = mixer(request.config(), request.config().integer(SpeechParameters.HEADS), Activation.GELU);
    return SpeechEncoder.build(tf, request, layer -> mixer, List.of());
  }

  /** The mixer of a configuration with these parameters. */
  static SummaryMixing mixer(ModelConfig config, long heads, Activation activation) {
    return new SummaryMixing(heads, config.integer(LOCAL_HIDDEN), config.integer(LOCAL_OUT),
        config.integer(SUMMARY_HIDDEN), activation);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return SpeechEncoder.withRateNote(notesOf(config));
  }

  static List<String> notesOf(ModelConfig config) {
    return List.of("as speechbrain/nnet/summary_mixing.py (SamsungLabs/SummaryMixing): h_t = act(W_c [f(x_t); "
            + "mean_t s(x_t)]), f and s MLPs applied per head (ParallelLinear, block-diagonal), "
            + "local " + config.integer(LOCAL_HIDDEN) + " -> " + config.integer(LOCAL_OUT) + ", summary "
            + config.integer(SUMMARY_HIDDEN) + " -> the model width",
        "no normalisation inside the mixer, as the reference");
  }
}
