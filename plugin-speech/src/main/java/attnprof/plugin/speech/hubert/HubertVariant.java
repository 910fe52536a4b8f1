package attnprof.plugin.speech.hubert;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.api.Modality;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.MixerVariant;
import attnprof.api.nn.TokenMixer;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.MultiHeadAttention;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code speech/hubert}: the HuBERT encoder with full self-attention, the speech baseline. */
public final class HubertVariant extends MixerVariant {
  static final String ID = "speech/hubert";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "HuBERT", Modality.SPEECH, "",
      "Hsu, Bolte, Tsai, Lakhotia, Salakhutdinov, Mohamed: HuBERT: Self-Supervised Speech Representation Learning by "
          + "Masked Prediction of Hidden Units, IEEE/ACM TASLP 2021",
      "convolutional waveform front end (49 frames a second) and a Transformer whose frames all attend to each other",
      List.of(
          new Preset(Preset.TINY, "16-channel front end, 2 layers of width 32, for tests", AttentionParameters.withDefaults(SpeechParameters.tiny())),
          new Preset(Preset.SMALL, "128-channel front end, 4 layers of width 192, the default run", AttentionParameters.withDefaults(SpeechParameters.small())),
          new Preset(Preset.BASE, "hubert-base-ls960",
              AttentionParameters.withDefaults(SpeechParameters.base()))),
      AttentionParameters.plus(SpeechParameters.ENCODER));

  public HubertVariant() {
    super(DESCRIPTOR, SpeechEncoder::build);
  }

  @Override
  public void check(ModelConfig config) {
    SpeechParameters.check(config);
    AttentionParameters.check(config);
  }

  @Override
  protected TokenMixer mixer(ModelConfig config) {
    return new MultiHeadAttention(config.integer(HEADS), AttentionParameters.chunks(config));
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return AttentionParameters.notes(config, List.of("post-norm layers (HuBERT-base); the pre-training projection and cluster embeddings are not built",
        "training masks alternate 10-frame spans with the mask embedding, as in masked prediction",
        "training step: a frame-wise " + config.integer(SpeechParameters.CLASSES)
            + "-class head with softmax cross-entropy, Adam"));
  }
}
