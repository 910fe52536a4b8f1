package attnprof.plugin.speech.hubert;

import attnprof.api.mixer.DescribedMixer;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.model.ModelConfig;
import java.util.List;
import java.util.function.Function;

/** A mixer of HuBERT's body: its own notes, then the body's note on the frame rate. */
abstract class HubertBodyMixer extends DescribedMixer {
  private final Function<ModelConfig, List<String>> mixerNotes;

  HubertBodyMixer(MixerDescriptor descriptor, Function<ModelConfig, List<String>> mixerNotes) {
    super(descriptor);
    this.mixerNotes = mixerNotes;
  }

  @Override
  public final List<String> notes(ModelConfig config) {
    return SpeechEncoder.withRateNote(mixerNotes.apply(config));
  }
}
