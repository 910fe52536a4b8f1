package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/** {@code speech/brq-mamba}: the BEST-RQ Conformer with bidirectional Mamba (width 474 at {@code base}). */
public final class BrqMambaVariant extends BrqVariant {
  static final String ID = "speech/brq-mamba";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "BEST-RQ Mamba", Modality.SPEECH,
      BrqMhsaVariant.ID, MambaVariant.PAPER,
      MambaVariant.SUMMARY,
      BrqConformer.presets("Mamba", new long[] {32, 158, 474}, new String[] {MambaVariant.EXPAND, "2", MambaVariant.STATE, "4", MambaVariant.CONV_WIDTH, "4"},
          new String[] {MambaVariant.EXPAND, "2", MambaVariant.STATE, "16", MambaVariant.CONV_WIDTH, "4"}, new String[] {MambaVariant.EXPAND, "2", MambaVariant.STATE, "16", MambaVariant.CONV_WIDTH, "4"}),
      BrqConformer.plus(MambaVariant.PARAMETERS));

  public BrqMambaVariant() {
    super(DESCRIPTOR, config -> new Mamba(config.integer(MambaVariant.EXPAND), config.integer(MambaVariant.STATE),
        config.integer(MambaVariant.CONV_WIDTH), false), BrqConformer.Positions.SINUSOIDAL,
        config -> List.of("bidirectional Mamba, the study's add strategy: M_f(x) + rev(M_b(rev x)), the Conformer's norm and "
            + "residual around it", MambaVariant.SCAN_NOTE, MambaVariant.FUSED_KERNEL_NOTE,
            MambaVariant.RATE_NOTE));
  }
}
