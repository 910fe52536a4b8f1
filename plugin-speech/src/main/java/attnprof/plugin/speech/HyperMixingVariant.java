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

/** {@code speech/hypermixing}: HuBERT with HyperMixer's hypernetwork token mixing. */
public final class HyperMixingVariant implements ModelVariant {
  static final String HYPER_HIDDEN = "hyper_hidden";
  static final String HYPER_UNITS = "hyper_units";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/hypermixing", "HyperMixing",
      Modality.SPEECH, HubertVariant.ID,
      "Mai, Pannatier, Fehr, Chen, Marfurt, Fleuret, Henderson: HyperMixer: An MLP-based Low Cost Alternative to "
          + "Transformers, ACL 2023",
      "token-mixing MLP whose weights hypernetworks make from the input: W2 · GELU(W1ᵀ · X), linear in length",
      SpeechMixerPresets.of("HyperMixing",
          new String[] {HYPER_HIDDEN, "32", HYPER_UNITS, "32"},
          new String[] {HYPER_HIDDEN, "192", HYPER_UNITS, "192"},
          new String[] {HYPER_HIDDEN, "768", HYPER_UNITS, "768"}),
      SpeechParameters.plus(
          ParameterSpec.integer(HYPER_HIDDEN, 1, "hidden width of each hypernetwork's MLP"),
          ParameterSpec.integer(HYPER_UNITS, 1, "units of the generated token-mixing MLP (columns of W1 and W2)")));

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    return SpeechEncoder.build(tf, request,
        layer -> new HyperMixing(config.integer(HYPER_HIDDEN), config.integer(HYPER_UNITS)), List.of());
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("W1 = h1(X + P), W2 = h2(X + P) with P sinusoidal positions and h a 2-layer GELU MLP; "
        + "hypernetwork and mixing widths as wide as the model");
  }
}
