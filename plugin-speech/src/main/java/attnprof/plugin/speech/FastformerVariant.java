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
  static final String PAPER = "Wu, Wu, Qi, Huang, Xie: Fastformer: Additive Attention Can Be All You Need, arXiv "
      + "2108.09084, 2021";
  static final String SUMMARY = "additive attention: global query and key vectors by attention pooling, element-wise "
      + "interactions; linear in length";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/fastformer", "Fastformer",
      Modality.SPEECH, HubertVariant.ID, PAPER, SUMMARY,
      SpeechMixerPresets.of("Fastformer", new String[0], new String[0], new String[0]),
      SpeechParameters.ENCODER);

  @Override
  public void check(ModelConfig config) {
    SpeechParameters.check(config);
  }

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(new Fastformer(config.integer(SpeechParameters.HEADS)));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    long heads = request.config().integer(SpeechParameters.HEADS);
    Fastformer mixer = new Fastformer(heads);
    return SpeechEncoder.build(tf, request, layer -> mixer, List.of());
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return SpeechEncoder.withRateNote(notesOf());
  }

  static List<String> notesOf() {
    return List.of("as the BEST-RQ study's fast_attention.py: three d x d projections (query, key, output; the values "
        + "are the queries); per head, a global query by attention pooling with a dense width-to-heads scorer, "
        + "multiplied into the keys; a global key likewise, multiplied into the queries; output projection plus the "
        + "queries");
  }
}
