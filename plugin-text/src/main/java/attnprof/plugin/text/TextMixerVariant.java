package attnprof.plugin.text;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.Modality;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import java.util.List;
import attnprof.api.model.MixerVariant;
import attnprof.api.model.VariantDescriptor;

/** A text variant: the BERT-like encoder with one kind of token mixer, whose width its heads divide. */
abstract class TextMixerVariant extends MixerVariant {
  TextMixerVariant(VariantDescriptor descriptor) {
    super(descriptor, TextEncoder::build);
  }

  @Override
  public void check(ModelConfig config) {
    config.requireMultiple(WIDTH, HEADS);
  }

  /** The descriptor of another attention on BERT's body, compared with {@code text/bert}. */
  static VariantDescriptor againstBert(String id, String displayName, String paper, String summary,
      List<Preset> presets, ParameterSpec... own) {
    return new VariantDescriptor(id, displayName, Modality.TEXT, BertVariant.ID, paper, summary, presets,
        TextParameters.plus(own));
  }

  /** The number of attention heads of a configuration. */
  static long heads(ModelConfig config) {
    return config.integer(HEADS);
  }
}
