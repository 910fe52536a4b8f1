package attnprof.plugin.speech.brq;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.plugin.speech.hubert.HyperMixingMixer;
import attnprof.plugin.speech.mixers.HyperMixing;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/** {@code speech/brq-hypermixing}: the BEST-RQ Conformer with HyperMixing (width 672, hypernet_size d_ffn at {@code base}). */
public final class BrqHyperMixingVariant extends BrqVariant {
  static final String ID = "speech/brq-hypermixing";
  private static final VariantDescriptor DESCRIPTOR = againstMhsa(ID, "BEST-RQ HyperMixing",
      HyperMixingMixer.PAPER, HyperMixingMixer.SUMMARY,
      BrqConformer.presets("HyperMixing", new long[] {32, 224, 672}, new String[] {HyperMixingMixer.HYPERNET_SIZE, "64"},
          new String[] {HyperMixingMixer.HYPERNET_SIZE, "680"}, new String[] {HyperMixingMixer.HYPERNET_SIZE, "2048"}),
      List.of(HyperMixingMixer.PARAMETER));

  public BrqHyperMixingVariant() {
    super(DESCRIPTOR, config -> new HyperMixing(config.integer(HEADS),
        config.integer(HyperMixingMixer.HYPERNET_SIZE), BrqConformer.EPSILON), BrqConformer.Positions.NONE,
        HyperMixingMixer::notesOf, HyperMixingMixer.HYPERNET_SIZE);
  }
}
