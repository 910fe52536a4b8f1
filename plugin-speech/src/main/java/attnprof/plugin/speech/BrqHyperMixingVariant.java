package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/** {@code speech/brq-hypermixing}: the BEST-RQ Conformer with HyperMixing (width 672, hypernet_size d_ffn at {@code base}). */
public final class BrqHyperMixingVariant extends BrqVariant {
  static final String ID = "speech/brq-hypermixing";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "BEST-RQ HyperMixing", Modality.SPEECH,
      BrqMhsaVariant.ID, HyperMixingVariant.PAPER,
      HyperMixingVariant.SUMMARY,
      BrqConformer.presets("HyperMixing", new long[] {32, 224, 672}, new String[] {HyperMixingVariant.HYPERNET_SIZE, "64"},
          new String[] {HyperMixingVariant.HYPERNET_SIZE, "680"}, new String[] {HyperMixingVariant.HYPERNET_SIZE, "2048"}),
      BrqConformer.plus(List.of(HyperMixingVariant.PARAMETER)));

  public BrqHyperMixingVariant() {
    super(DESCRIPTOR, config -> new HyperMixing(config.integer(BrqConformer.HEADS),
        config.integer(HyperMixingVariant.HYPERNET_SIZE), BrqConformer.EPSILON), BrqConformer.Positions.NONE,
        HyperMixingVariant::notesOf, HyperMixingVariant.HYPERNET_SIZE);
  }
}
