package attnprof.plugin.speech.brq;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.plugin.speech.hubert.FastformerMixer;
import attnprof.plugin.speech.mixers.Fastformer;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/** {@code speech/brq-fastformer}: the BEST-RQ Conformer with the study's Fastformer (width 616 at {@code base}). */
public final class BrqFastformerVariant extends BrqVariant {
  static final String ID = "speech/brq-fastformer";
  private static final VariantDescriptor DESCRIPTOR = againstMhsa(ID, "BEST-RQ Fastformer",
      FastformerMixer.PAPER, FastformerMixer.SUMMARY,
      BrqConformer.presets("Fastformer", new long[] {32, 204, 616}, new String[] {},
          new String[] {}, new String[] {}),
      List.of());

  public BrqFastformerVariant() {
    super(DESCRIPTOR, config -> new Fastformer(config.integer(HEADS)), BrqConformer.Positions.SINUSOIDAL,
        config -> FastformerMixer.notesOf());
  }
}
