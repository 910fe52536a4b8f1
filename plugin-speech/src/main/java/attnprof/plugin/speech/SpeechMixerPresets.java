package attnprof.plugin.speech;

import attnprof.api.model.Preset;
import java.util.List;

/**
 * The presets of a variant that swaps HuBERT's self-attention for another token mixer: HuBERT's own
 * presets, plus the mixer's parameters, so that everything but the mixer is equal.
 */
final class SpeechMixerPresets {
  private SpeechMixerPresets() {
  }

  /**
   * @param mixer the mixer's name, for the descriptions
   * @param tiny the mixer's values at the tiny preset, name-value pairs
   * @param small the mixer's values at the small preset
   * @param base the mixer's values at the base preset
   */
  static List<Preset> of(String mixer, String[] tiny, String[] small, String[] base) {
    return List.of(
        new Preset(Preset.TINY, "HuBERT's tiny body with " + mixer + ", for tests",
            Preset.values(SpeechParameters.tiny(), tiny)),
        new Preset(Preset.SMALL, "HuBERT's small body with " + mixer + ", the default run",
            Preset.values(SpeechParameters.small(), small)),
        new Preset(Preset.BASE, "HuBERT-base sizes with " + mixer + " in every layer",
            Preset.values(SpeechParameters.base(), base)));
  }
}
