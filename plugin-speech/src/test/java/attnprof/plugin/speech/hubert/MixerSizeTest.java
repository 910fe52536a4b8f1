package attnprof.plugin.speech.hubert;

import attnprof.plugin.speech.mixers.Fastformer;
import attnprof.plugin.speech.mixers.HyperMixing;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.api.nn.Activation;
import attnprof.api.nn.TokenMixer;
import attnprof.testkit.ModelEvaluator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HuBERT-body mixers at {@code base} have the parameters their reference code gives them, and
 * their attention component costs less than HuBERT's self-attention at 2 s.
 */
class MixerSizeTest {
  private static final long D = 768;
  private static final long H = 12;

  @Test
  void summaryMixingHasTheParametersOfSpeechbrainsSummaryMixing() {
    ModelConfig config = base(variant("speech/summarymixing"));
    long local = config.integer(SummaryMixingMixer.LOCAL_HIDDEN);
    long localOut = config.integer(SummaryMixingMixer.LOCAL_OUT);
    long summary = config.integer(SummaryMixingMixer.SUMMARY_HIDDEN);
    // speechbrain/nnet/summary_mixing.py (SamsungLabs/SummaryMixing): local_proj and summary_proj are
    // VanillaNN with n_split = nhead, whose ParallelLinear layers hold weight [n_split, in/n_split,
    // out/n_split] and bias [n_split, out/n_split]; summary_local_merging is one Linear.
    long expected = parallelLinear(D, local) + parallelLinear(local, localOut)
        + parallelLinear(D, summary) + parallelLinear(summary, D)
        + (localOut + D) * D + D;

    assertThat(parameters(SummaryMixingMixer.mixer(config, H, Activation.GELU))).isEqualTo(expected);
  }

  @Test
  void hyperMixingHasTheParametersOfSpeechbrainsHyperMixing() {
    ModelConfig config = base(variant("speech/hypermixing"));
    long units = config.integer(HyperMixingMixer.HYPERNET_SIZE);
    // speechbrain/nnet/hypermixing.py: HyperNetwork's w1_gen and w2_gen are ParallelMLPs(d, d,
    // hypernet_size, num_mlps = num_heads, keep_output_size = False): fc1 [heads, d/heads, d/heads]
    // + [heads, d/heads], fc2 [heads, units/heads, d/heads] + [heads, units/heads]; then LayerNorm(d).
    long oneHypernetwork = D * D / H + D + D * units / H + units;
    long expected = 2 * oneHypernetwork + 2 * D;

    assertThat(parameters(new HyperMixing(H, units, SpeechEncoder.EPSILON))).isEqualTo(expected);
  }

  @Test
  void fastformerHasTheParametersOfTheStudysFastAttention() {
    // fast_attention.py (whettenr/brq-att-alt-exp): query_proj, key_proj, out_proj Linear(d, d);
    // query_attn, key_attn Linear(d, nhead).
    long expected = 3 * (D * D + D) + 2 * (D * H + H);

    assertThat(parameters(new Fastformer(H))).isEqualTo(expected);
  }

  @Test
  void everyLinearMixerSpendsFewerAttentionFlopsThanHubertAtTwoSeconds() {
    long hubert = attentionFlops(new HubertVariant());
    for (ModelVariant mixer : new ModelVariant[] {variant("speech/summarymixing"), variant("speech/hypermixing"),
        variant("speech/fastformer")}) {
      long flops = attentionFlops(mixer);
      System.out.printf("%s attention FLOPs at base and 2 s: %.3f G, %.2f of HuBERT's %.3f G%n",
          mixer.descriptor().id(), flops / 1e9, (double) flops / hubert, hubert / 1e9);
      assertThat(flops).as(mixer.descriptor().id()).isLessThan(hubert);
    }
  }

  private static long attentionFlops(ModelVariant variant) {
    return ModelEvaluator.flops(variant, base(variant), 1, 2.0, Mode.INFERENCE).get(Component.ATTENTION);
  }

  /** A {@code ParallelLinear} from {@code in} to {@code out} split over the heads. */
  private static long parallelLinear(long in, long out) {
    return in * out / H + out;
  }

  private static long parameters(TokenMixer mixer) {
    float[][][] oneFrame = new float[1][2][(int) D];
    return ModelEvaluator.mixWithWeights(mixer, oneFrame, 1).weights().values().stream()
        .mapToLong(values -> values.length).sum();
  }

  /** A variant as the engine serves it: the HuBERT-body mixers are composed by the engine. */
  private static ModelVariant variant(String id) {
    return REGISTRY.variant(id);
  }

  private static final attnprof.engine.plugins.PluginRegistry REGISTRY =
      attnprof.engine.Profiler.builder().build().registry();

  private static ModelConfig base(ModelVariant variant) {
    return ModelConfig.resolve(variant.descriptor(), Preset.BASE, Map.of());
  }
}
