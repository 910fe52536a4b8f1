package attnprof.plugin.speech.hubert;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.plugin.speech.mixers.SummaryMixing;
import attnprof.api.Modality;
import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;
import attnprof.api.nn.Activation;
import attnprof.api.nn.TokenMixer;
import java.util.List;

/**
 * SummaryMixing as a mixer of HuBERT's body: composed by the engine into {@code speech/summarymixing}, compared with
 * {@code speech/hubert}. Its helpers also serve the BEST-RQ Conformer's variant, at that study's widths.
 */
public final class SummaryMixingMixer extends HubertBodyMixer {
  public static final String LOCAL_HIDDEN = "local_hidden";
  public static final String LOCAL_OUT = "local_out";
  public static final String SUMMARY_HIDDEN = "summary_hidden";
  public static final String PAPER = "Parcollet, van Dalen, Zhang, Bhattacharya: SummaryMixing: A Linear-Complexity Alternative to "
      + "Self-Attention for Speech Recognition and Understanding, Interspeech 2024";
  public static final String SUMMARY = "each frame is combined with the mean over time of a transformed sequence: linear in length";

  /** The mixer's own parameters, shared with the BEST-RQ Conformer variant. */
  public static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer(LOCAL_HIDDEN, 1, "hidden width of the local branch's per-head MLP (local_proj_hid_dim)"),
      ParameterSpec.integer(LOCAL_OUT, 1, "output width of the local branch (local_proj_out_dim)"),
      ParameterSpec.integer(SUMMARY_HIDDEN, 1, "hidden width of the summary branch's per-head MLP (summary_hid_dim); "
          + "its output is as wide as the model"));

  private static final MixerDescriptor DESCRIPTOR = MixerDescriptor.builder("summarymixing")
      .displayName("SummaryMixing").paper(PAPER).summary(SUMMARY).modalities(Modality.SPEECH)
      .bodies(HubertVariant.ID)
      .parameter(PARAMETERS.get(0), "32", "192", "768")
      .parameter(PARAMETERS.get(1), "32", "192", "768")
      .parameter(PARAMETERS.get(2), "32", "192", "768")
      .build();

  public SummaryMixingMixer() {
    super(DESCRIPTOR, SummaryMixingMixer::notesOf);
  }

  @Override
  public void check(MixerContext context) {
    context.config().requireMultiple(LOCAL_HIDDEN, HEADS);
    context.config().requireMultiple(LOCAL_OUT, HEADS);
    context.config().requireMultiple(SUMMARY_HIDDEN, HEADS);
  }

  @Override
  public TokenMixer create(MixerContext context) {
    return mixer(context.config(), context.heads(), Activation.GELU);
  }

  /** The mixer of a configuration with these parameters. */
  public static SummaryMixing mixer(ModelConfig config, long heads, Activation activation) {
    return new SummaryMixing(heads, config.integer(LOCAL_HIDDEN), config.integer(LOCAL_OUT),
        config.integer(SUMMARY_HIDDEN), activation);
  }

  public static List<String> notesOf(ModelConfig config) {
    return List.of("as speechbrain/nnet/summary_mixing.py (SamsungLabs/SummaryMixing): h_t = act(W_c [f(x_t); "
            + "mean_t s(x_t)]), f and s MLPs applied per head (ParallelLinear, block-diagonal), "
            + "local " + config.integer(LOCAL_HIDDEN) + " -> " + config.integer(LOCAL_OUT) + ", summary "
            + config.integer(SUMMARY_HIDDEN) + " -> the model width",
        "no normalisation inside the mixer, as the reference");
  }
}
