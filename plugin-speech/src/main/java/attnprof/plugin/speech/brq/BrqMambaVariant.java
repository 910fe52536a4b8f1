package attnprof.plugin.speech.brq;

import attnprof.plugin.speech.hubert.MambaMixer;
import attnprof.plugin.speech.mixers.Mamba;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/** {@code speech/brq-mamba}: the BEST-RQ Conformer with bidirectional Mamba (width 474 at {@code base}). */
public final class BrqMambaVariant extends BrqVariant {
  static final String ID = "speech/brq-mamba";
  private static final VariantDescriptor DESCRIPTOR = againstMhsa(ID, "BEST-RQ Mamba",
      MambaMixer.PAPER, MambaMixer.SUMMARY,
      BrqConformer.presets("Mamba", new long[] {32, 158, 474}, new String[] {MambaMixer.EXPAND, "2", MambaMixer.STATE, "4", MambaMixer.CONV_WIDTH, "4"},
          new String[] {MambaMixer.EXPAND, "2", MambaMixer.STATE, "16", MambaMixer.CONV_WIDTH, "4"}, new String[] {MambaMixer.EXPAND, "2", MambaMixer.STATE, "16", MambaMixer.CONV_WIDTH, "4"}),
      MambaMixer.PARAMETERS);

  public BrqMambaVariant() {
    super(DESCRIPTOR, config -> new Mamba(config.integer(MambaMixer.EXPAND), config.integer(MambaMixer.STATE),
        config.integer(MambaMixer.CONV_WIDTH), false), BrqConformer.Positions.SINUSOIDAL,
        config -> List.of("bidirectional Mamba, the study's add strategy: M_f(x) + rev(M_b(rev x)), the Conformer's norm and "
            + "residual around it", MambaMixer.SCAN_NOTE, MambaMixer.FUSED_KERNEL_NOTE,
            MambaMixer.RATE_NOTE));
  }
}
