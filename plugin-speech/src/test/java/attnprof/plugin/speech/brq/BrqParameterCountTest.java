package attnprof.plugin.speech.brq;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.Profiler;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The BEST-RQ family at {@code base} has the parameters of the study's hparams (whettenr/brq-att-alt-exp:
 * {@code brq.yaml}, {@code brq_summarymixing.yaml}, {@code hyperconformer.yaml}, {@code fastformer.yaml},
 * {@code brq_mamba_bidirectional.yaml}) built by SpeechBrain's modules, counted here in closed form:
 * {@code ConvolutionFrontEnd}, {@code custom_src_module}, {@code ConformerEncoderLayer} (two
 * {@code PositionalwiseFeedForward} behind LayerNorms, {@code ConvolutionModule}, norm1, norm2), the
 * encoder's final LayerNorm, and the {@code Linear(d_model, 8192)} BEST-RQ trains.
 */
class BrqParameterCountTest {
  private static final long HEADS = 8;
  private static final long FFN = 2048;
  private static final long KERNEL = 31;
  private static final long LAYERS = 12;
  private static Profiler profiler;

  @BeforeAll
  static void engine() {
    profiler = Profiler.builder().build();
  }

  @Test
  void mhsaHasTheParametersOfTheStudysRelPosConformer() {
    long d = 576;
    // RelPosMHAXL: in_proj_weight [3d, d] without bias, out_proj Linear(d, d), linear_pos Linear(d, d,
    // bias=False), pos_bias_u and pos_bias_v [heads, d/heads]
    long mixer = 3 * d * d + d * d + d + d * d + 2 * d;
    assertThat(parameters("speech/brq-mhsa")).isEqualTo(conformer(d, mixer));
  }

  @Test
  void summaryMixingHasTheParametersOfTheStudysSummaryMixingConformer() {
    long d = 632;
    // summary_mixing.py with local [512] -> 512, summary [512] -> d_model (Conformer.py passes
    // summary_out_dim = d_model), ParallelLinear blocks split over 8 heads, one merging Linear
    long local = parallel(d, 512) + parallel(512, 512);
    long summary = parallel(d, 512) + parallel(512, d);
    long merge = (512 + d) * d + d;
    assertThat(parameters("speech/brq-summarymixing")).isEqualTo(conformer(d, local + summary + merge));
  }

  @Test
  void hyperMixingHasTheParametersOfTheStudysHyperConformer() {
    long d = 672;
    // hypermixing.py with hypernet_size = d_ffn, 8 heads, untied: two ParallelMLPs(d, d, 2048), a LayerNorm
    long hypernetwork = d * d / HEADS + d + d * FFN / HEADS + FFN;
    assertThat(parameters("speech/brq-hypermixing")).isEqualTo(conformer(d, 2 * hypernetwork + 2 * d));
  }

  @Test
  void fastformerHasTheParametersOfTheStudysFastAttention() {
    long d = 616;
    // fast_attention.py: query_proj, key_proj, out_proj Linear(d, d); query_attn, key_attn Linear(d, 8)
    long mixer = 3 * (d * d + d) + 2 * (d * HEADS + HEADS);
    assertThat(parameters("speech/brq-fastformer")).isEqualTo(conformer(d, mixer));
  }

  @Test
  void mambaHasTheParametersOfTheStudysBidirectionalMambaConformer() {
    long d = 474;
    long inner = 2 * d;
    long rank = (d + 15) / 16;
    long state = 16;
    // mamba_simple.Mamba (expand 2, d_state 16, d_conv 4, dt_rank ceil(d/16)): in_proj without bias,
    // conv1d depthwise with bias, x_proj without bias, dt_proj with bias, A_log, D, out_proj without
    // bias; one for each direction
    long direction = d * 2 * inner + (4 * inner + inner) + inner * (rank + 2 * state) + (rank * inner + inner)
        + inner * state + inner + inner * d;
    assertThat(parameters("speech/brq-mamba")).isEqualTo(conformer(d, 2 * direction));
  }

  /** The whole model around a mixer of {@code mixer} parameters per layer. */
  private static long conformer(long d, long mixer) {
    long frontEnd = block(1, 128, 40) + block(128, 32, 20) + (640 * d + d);
    long feedForward = 2 * d + (d * FFN + FFN) + (FFN * d + d);
    long convolution = 2 * d + (d * 2 * d + 2 * d) + (KERNEL * d + d) + 2 * d + (d * d + d);
    long layer = 2 * feedForward + 2 * d + mixer + convolution + 2 * d;
    return frontEnd + LAYERS * layer + 2 * d + (d * 8192 + 8192);
  }

  /** A ConvBlock: a 3x3 Conv2d with bias and a LayerNorm over (frequency, channels). */
  private static long block(long in, long out, long bins) {
    return 9 * in * out + out + 2 * bins * out;
  }

  /** A ParallelLinear over 8 heads. */
  private static long parallel(long in, long out) {
    return in * out / HEADS + out;
  }

  private static long parameters(String id) {
    return profiler.describe(id, "base", Map.of()).parameters();
  }
}
