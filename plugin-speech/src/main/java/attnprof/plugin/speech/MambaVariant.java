package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.VariantDescriptor;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code speech/mamba}: HuBERT with bidirectional Mamba selective state-space layers in place of self-attention. */
public final class MambaVariant implements ModelVariant {
  static final String EXPAND = "expand";
  static final String STATE = "state";
  static final String CONV_WIDTH = "mamba_conv";
  private static final String[] PUBLISHED = {EXPAND, "2", STATE, "16", CONV_WIDTH, "4"};
  static final String PAPER = "Gu, Dao: Mamba: Linear-Time Sequence Modeling with Selective State Spaces, arXiv 2312.00752, 2023";
  static final String SUMMARY = "a selective state-space layer read forward and backward: input-dependent step size and "
      + "projections, a causal depthwise convolution, the selective scan; linear in length";
  /** The mixer's own parameters, shared with the BEST-RQ Conformer variant. */
  static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer(EXPAND, 1, "inner width as a multiple of the model width"),
      ParameterSpec.integer(STATE, 1, "state size N of the selective scan"),
      ParameterSpec.integer(CONV_WIDTH, 1, "kernel of the causal depthwise convolution"));
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("speech/mamba", "Mamba", Modality.SPEECH,
      HubertVariant.ID, PAPER, SUMMARY,
      SpeechMixerPresets.of("bidirectional Mamba", new String[] {EXPAND, "2", STATE, "4", CONV_WIDTH, "4"},
          PUBLISHED, PUBLISHED),
      SpeechParameters.plus(PARAMETERS.toArray(ParameterSpec[]::new)));

  @Override
  public void check(ModelConfig config) {
    SpeechParameters.check(config);
  }

  @Override
  public VariantDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(new Mamba(config.integer(EXPAND), config.integer(STATE), config.integer(CONV_WIDTH), true));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    return SpeechEncoder.build(tf, request,
        layer -> new Mamba(config.integer(EXPAND), config.integer(STATE), config.integer(CONV_WIDTH), true), List.of());
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("Mamba's per-layer sizes (expand 2, state 16, convolution 4) in both directions, each direction "
            + "behind its RMSNorm with the input added back, as mamba_ssm's Block: x + M_f(N_f(x)) + rev(M_b(N_b(rev x)))",
        SCAN_NOTE, FUSED_KERNEL_NOTE, RATE_NOTE, SpeechEncoder.RATE_NOTE);
  }

  /** How the scan runs here. */
  static final String SCAN_NOTE = "the selective scan runs unfused, in chunks of " + SelectiveScan.CHUNK
      + " frames: running sums chained chunk to chunk with a stable rescaling, two [batch, frames, inner, state] "
      + "tensors as selective_scan_ref keeps, about 9 FLOPs per state element against the recurrence's 7; no loop op "
      + "(TensorFlow Java has no gradient for While)";
  /** Why Mamba's achieved GFLOP/s is about half its baseline's. */
  static final String RATE_NOTE = "achieved GFLOP/s: the scan is element-wise work on [batch, frames, inner, state], "
      + "bound by memory, not arithmetic: about 20-30 GFLOP/s on this project's 2-core machine against self-attention's "
      + "100-150 in matrix products, so the model reaches about half its baseline's rate; selective_scan_ref is "
      + "element-wise too, and a fused kernel is what closes the gap on a GPU";
  /** What the memory figures do and do not say about Mamba on a GPU. */
  static final String FUSED_KERNEL_NOTE = "a fused GPU kernel (mamba_ssm's selective_scan_cuda) keeps the state on chip "
      + "and never writes [batch, frames, inner, state] to memory, so its memory is lower than any unfused scan's; "
      + "attnprof's figures are those of an unfused scan";
}
