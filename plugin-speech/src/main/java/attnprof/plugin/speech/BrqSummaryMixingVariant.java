package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.Activation;
import java.util.List;

/** {@code speech/brq-summarymixing}: the BEST-RQ Conformer with SummaryMixing (width 632 at {@code base}). */
public final class BrqSummaryMixingVariant extends BrqVariant {
  static final String ID = "speech/brq-summarymixing";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "BEST-RQ SummaryMixing", Modality.SPEECH,
      BrqMhsaVariant.ID, SummaryMixingVariant.PAPER,
      SummaryMixingVariant.SUMMARY,
      BrqConformer.presets("SummaryMixing", new long[] {32, 212, 632}, new String[] {SummaryMixingVariant.LOCAL_HIDDEN, "16", SummaryMixingVariant.LOCAL_OUT, "16", SummaryMixingVariant.SUMMARY_HIDDEN, "16"},
          new String[] {SummaryMixingVariant.LOCAL_HIDDEN, "172", SummaryMixingVariant.LOCAL_OUT, "172",
          SummaryMixingVariant.SUMMARY_HIDDEN, "172"}, new String[] {SummaryMixingVariant.LOCAL_HIDDEN, "512", SummaryMixingVariant.LOCAL_OUT, "512",
          SummaryMixingVariant.SUMMARY_HIDDEN, "512"}),
      BrqConformer.plus(SummaryMixingVariant.PARAMETERS));

  public BrqSummaryMixingVariant() {
    super(DESCRIPTOR, config -> SummaryMixingVariant.mixer(config, config.integer(BrqConformer.HEADS),
        Activation.SILU), BrqConformer.Positions.SINUSOIDAL,
        SummaryMixingVariant::notesOf, SummaryMixingVariant.LOCAL_HIDDEN, SummaryMixingVariant.LOCAL_OUT,
        SummaryMixingVariant.SUMMARY_HIDDEN);
  }
}
