package attnprof.plugin.speech.brq;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.api.Modality;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/** {@code speech/brq-mhsa}: the BEST-RQ study's Conformer with relative-position self-attention, the family's baseline. */
public final class BrqMhsaVariant extends BrqVariant {
  static final String ID = "speech/brq-mhsa";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "BEST-RQ MHSA", Modality.SPEECH,
      "", "Whetten et al.: An Analysis of Linear Complexity Attention Substitutes with BEST-RQ, SLT 2024 "
          + "(whettenr/brq-att-alt-exp)",
      "the BEST-RQ Conformer with relative-position multi-head self-attention (RelPosMHAXL): quadratic in length",
      BrqConformer.presets("MHSA", new long[] {32, 192, 576}, AttentionParameters.defaultPairs(),
          AttentionParameters.defaultPairs(), AttentionParameters.defaultPairs()),
      BrqConformer.plus(AttentionParameters.specs()));

  public BrqMhsaVariant() {
    super(DESCRIPTOR, config -> new RelativePositionAttention(config.integer(HEADS), AttentionParameters.chunks(config)),
        BrqConformer.Positions.RELATIVE, config -> AttentionParameters.notes(config, List.of("the baseline of the "
            + "family: SpeechBrain's RelPosMHAXL, in_proj without bias, linear_pos, per-head biases u and v, scores "
            + "scaled by 1/sqrt(width), the rel_shift trick")));
  }
}
