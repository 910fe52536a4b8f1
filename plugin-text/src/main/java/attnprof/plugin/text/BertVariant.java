package attnprof.plugin.text;

import attnprof.api.Modality;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.MultiHeadAttention;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code text/bert}: BERT with full softmax self-attention, the text baseline. */
public final class BertVariant extends TextMixerVariant {
  static final String ID = "text/bert";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "BERT", Modality.TEXT, "",
      "Devlin, Chang, Lee, Toutanova: BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding, NAACL 2019",
      "vanilla Transformer encoder: every token attends to every token (quadratic in length)",
      List.of(
          new Preset(Preset.TINY, "2 layers of width 32, for tests",
              AttentionParameters.withDefaults(TextParameters.tiny())),
          new Preset(Preset.SMALL, "4 layers of width 256, the default run",
              AttentionParameters.withDefaults(TextParameters.small())),
          new Preset(Preset.BASE, "bert-base-uncased", AttentionParameters.withDefaults(TextParameters.bertBase()))),
      AttentionParameters.plus(TextParameters.ENCODER));

  public BertVariant() {
    super(DESCRIPTOR);
  }

  @Override
  protected TokenMixer mixer(ModelConfig config) {
    return new MultiHeadAttention(heads(config), AttentionParameters.chunks(config));
  }

  @Override
  public void check(ModelConfig config) {
    super.check(config);
    AttentionParameters.check(config);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return AttentionParameters.notes(config, List.of(
        "post-norm layers with exact GELU, dropout omitted (it does not change the cost of a step)",
        "training step: a 2-class classification head on the pooled first token, softmax cross-entropy, Adam"));
  }
}
