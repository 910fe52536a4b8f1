package attnprof.plugin.speech.brq;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.plugin.speech.hubert.SummaryMixingMixer;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.Activation;
import java.util.List;

/** {@code speech/brq-summarymixing}: the BEST-RQ Conformer with SummaryMixing (width 632 at {@code base}). */
public final class BrqSummaryMixingVariant extends BrqVariant {
  static final String ID = "speech/brq-summarymixing";
  private static final VariantDescriptor DESCRIPTOR = againstMhsa(ID, "BEST-RQ SummaryMixing",
      SummaryMixingMixer.PAPER, SummaryMixingMixer.SUMMARY,
      BrqConformer.presets("SummaryMixing", new long[] {32, 212, 632}, new String[] {SummaryMixingMixer.LOCAL_HIDDEN, "16", SummaryMixingMixer.LOCAL_OUT, "16", SummaryMixingMixer.SUMMARY_HIDDEN, "16"},
          new String[] {SummaryMixingMixer.LOCAL_HIDDEN, "172", SummaryMixingMixer.LOCAL_OUT, "172",
          SummaryMixingMixer.SUMMARY_HIDDEN, "172"}, new String[] {SummaryMixingMixer.LOCAL_HIDDEN, "512", SummaryMixingMixer.LOCAL_OUT, "512",
          SummaryMixingMixer.SUMMARY_HIDDEN, "512"}),
      SummaryMixingMixer.PARAMETERS);

  public BrqSummaryMixingVariant() {
    super(DESCRIPTOR, config -> SummaryMixingMixer.mixer(config, config.integer(HEADS),
        Activation.SILU), BrqConformer.Positions.SINUSOIDAL,
        SummaryMixingMixer::notesOf, SummaryMixingMixer.LOCAL_HIDDEN, SummaryMixingMixer.LOCAL_OUT,
        SummaryMixingMixer.SUMMARY_HIDDEN);
  }
}
