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

/** {@code speech/summarymixing}: HuBERT with SummaryMixing in place of self-attention. */
public final class SummaryMixingVariant implements ModelVariant {
  static final String LOCAL_WIDTH = "local_width";
  static final String SUMMARY_WIDTH = "summary_width";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/summarymixing", "SummaryMixing",
      Modality.SPEECH, HubertVariant.ID,
      "Parcollet, van Dalen, Zhang, Bhattacharya: SummaryMixing: A Linear-Complexity Alternative to Self-Attention "
          + "for Speech Recognition and Understanding, Interspeech 2024",
      "each frame is combined with the mean over time of a transformed sequence: linear in length",
      SpeechMixerPresets.of("SummaryMixing",
          new String[] {LOCAL_WIDTH, "32", SUMMARY_WIDTH, "32"},
          new String[] {LOCAL_WIDTH, "192", SUMMARY_WIDTH, "192"},
          new String[] {LOCAL_WIDTH, "768", SUMMARY_WIDTH, "768"}),
      SpeechParameters.plus(
          ParameterSpec.integer(LOCAL_WIDTH, 1, "width of the local (per-frame) branch"),
          ParameterSpec.integer(SUMMARY_WIDTH, 1, "width of the summary branch averaged over time")));

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    return SpeechEncoder.build(tf, request,
        layer -> new SummaryMixing(config.integer(LOCAL_WIDTH), config.integer(SUMMARY_WIDTH)), List.of());
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("h_t = GELU(W_c [GELU(W_f x_t); mean_t GELU(W_s x_t)]); local and summary branches as wide as "
        + "the model, as the paper's typical sizes");
  }
}
