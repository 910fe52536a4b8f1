package attnprof.plugin.speech.hubert;

import attnprof.plugin.speech.mixers.Mamba;
import attnprof.plugin.speech.mixers.SelectiveScan;
import attnprof.api.Modality;
import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;
import attnprof.api.nn.TokenMixer;
import java.util.List;

/**
 * Bidirectional Mamba selective state-space layers as a mixer of HuBERT's body: composed by the engine into
 * {@code speech/mamba}, compared with {@code speech/hubert}. Its helpers also serve the BEST-RQ Conformer's variant.
 */
public final class MambaMixer extends HubertBodyMixer {
  public static final String EXPAND = "expand";
  public static final String STATE = "state";
  public static final String CONV_WIDTH = "mamba_conv";
  public static final String PAPER = "Gu, Dao: Mamba: Linear-Time Sequence Modeling with Selective State Spaces, arXiv 2312.00752, 2023";
  public static final String SUMMARY = "a selective state-space layer read forward and backward: input-dependent step size and "
      + "projections, a causal depthwise convolution, the selective scan; linear in length";
  /** The mixer's own parameters, shared with the BEST-RQ Conformer variant. */
  public static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer(EXPAND, 1, "inner width as a multiple of the model width"),
      ParameterSpec.integer(STATE, 1, "state size N of the selective scan"),
      ParameterSpec.integer(CONV_WIDTH, 1, "kernel of the causal depthwise convolution"));
  private static final MixerDescriptor DESCRIPTOR = MixerDescriptor.builder("mamba").displayName("Mamba")
      .paper(PAPER).summary(SUMMARY).modalities(Modality.SPEECH).bodies(HubertVariant.ID)
      .parameter(PARAMETERS.get(0), "2", "2", "2")
      .parameter(PARAMETERS.get(1), "4", "16", "16")
      .parameter(PARAMETERS.get(2), "4", "4", "4").build();

  public MambaMixer() {
    super(DESCRIPTOR, MambaMixer::notesOf);
  }

  @Override
  public TokenMixer create(MixerContext context) {
    ModelConfig config = context.config();
    return new Mamba(config.integer(EXPAND), config.integer(STATE), config.integer(CONV_WIDTH), true);
  }

  private static List<String> notesOf(ModelConfig config) {
    return List.of("Mamba's per-layer sizes (expand 2, state 16, convolution 4) in both directions, each direction "
            + "behind its RMSNorm with the input added back, as mamba_ssm's Block: x + M_f(N_f(x)) + rev(M_b(N_b(rev x)))",
        SCAN_NOTE, FUSED_KERNEL_NOTE, RATE_NOTE);
  }

  /** How the scan runs here. */
  public static final String SCAN_NOTE = "the selective scan runs unfused, in chunks of " + SelectiveScan.CHUNK
      + " frames: running sums chained chunk to chunk with a stable rescaling, two [batch, frames, inner, state] "
      + "tensors as selective_scan_ref keeps, about 9 FLOPs per state element against the recurrence's 7; no loop op "
      + "(TensorFlow Java has no gradient for While)";
  /** Why Mamba's achieved GFLOP/s is about half its baseline's. */
  public static final String RATE_NOTE = "achieved GFLOP/s: the scan is element-wise work on [batch, frames, inner, state], "
      + "bound by memory, not arithmetic: about 20-30 GFLOP/s on this project's 2-core machine against self-attention's "
      + "100-150 in matrix products, so the model reaches about half its baseline's rate; selective_scan_ref is "
      + "element-wise too, and a fused kernel is what closes the gap on a GPU";
  /** What the memory figures do and do not say about Mamba on a GPU. */
  public static final String FUSED_KERNEL_NOTE = "a fused GPU kernel (mamba_ssm's selective_scan_cuda) keeps the state on chip "
      + "and never writes [batch, frames, inner, state] to memory, so its memory is lower than any unfused scan's; "
      + "attnprof's figures are those of an unfused scan";
}
