package attnprof.plugin.speech.hubert;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.MixerVariant;
import attnprof.api.nn.TokenMixer;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.SlidingWindowAttention;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code speech/l-hubert}: HuBERT with sliding-window (local) self-attention over the frames. */
public final class LocalHubertVariant extends MixerVariant {
  static final String WINDOW = "window";
  private static final String DEFAULT_WINDOW = "64";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/l-hubert", "L-HuBERT",
      Modality.SPEECH, HubertVariant.ID,
      "Diwan, Choi, Harwath: When to Use Efficient Self Attention? Profiling Text, Speech and Image Transformer "
          + "Variants, ACL 2023",
      "HuBERT whose frames attend only to a window of neighbouring frames, computed blockwise in O(frames x window)",
      List.of(
          new Preset(Preset.TINY, "HuBERT's tiny body, window 8", Preset.values(SpeechParameters.tiny(), WINDOW, "8")),
          new Preset(Preset.SMALL, "HuBERT's small body, window 64",
              Preset.values(SpeechParameters.small(), WINDOW, DEFAULT_WINDOW)),
          new Preset(Preset.BASE, "hubert-base-ls960 with window 64",
              Preset.values(SpeechParameters.base(), WINDOW, DEFAULT_WINDOW))),
      SpeechParameters.plus(ParameterSpec.integer(WINDOW, 2,
          "attention window in frames, both sides together (window/2 each side; 49 frames are one second)")));

  public LocalHubertVariant() {
    super(DESCRIPTOR, SpeechEncoder::build);
  }

  @Override
  public void check(ModelConfig config) {
    SpeechParameters.check(config);
    if (config.integer(WINDOW) % 2 != 0) {
      throw ProfilerException.user("speech/l-hubert needs an even window (window/2 frames each side), got "
          + config.integer(WINDOW));
    }
  }

  @Override
  protected TokenMixer mixer(ModelConfig config) {
    return new SlidingWindowAttention(config.integer(HEADS), config.integer(WINDOW) / 2);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("window " + config.integer(WINDOW) + " frames (" + config.integer(WINDOW) / 2
            + " each side): the study that introduced L-HuBERT does not state its window in any source found, "
            + "so 64 frames (about 1.3 s) is this profiler's default; override it with --param window=N",
        SpeechEncoder.RATE_NOTE);
  }
}
