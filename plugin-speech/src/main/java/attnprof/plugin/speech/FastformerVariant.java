package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.VariantDescriptor;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code speech/fastformer}: HuBERT with Fastformer's additive attention. */
public final class FastformerVariant implements ModelVariant {
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/fastformer", "Fastformer",
      Modality.SPEECH, HubertVariant.ID,
      "Wu, Wu, Qi, Huang, Xie: Fastformer: Additive Attention Can Be All You Need, arXiv 2108.09084, 2021",
      "additive attention: global query and key vectors by attention pooling, element-wise interactions; linear in length",
      SpeechMixerPresets.of("Fastformer", new String[0], new String[0], new String[0]),
      SpeechParameters.ENCODER);

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    long heads = request.config().integer(SpeechParameters.HEADS);
    return SpeechEncoder.build(tf, request, layer -> new Fastformer(heads), List.of());
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("per head: global query by attention pooling, multiplied into the keys; global key likewise, "
        + "multiplied into the values; a transform plus a residual to the queries, then the output projection");
  }
}
