package attnprof.example.linear;

import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.mixer.MixerProvider;
import attnprof.api.nn.Heads;
import attnprof.api.nn.Layers;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Linear attention (Katharopoulos, Vyas, Pappas, Fleuret: Transformers are RNNs, ICML 2020): softmax(Q Kᵀ) V
 * becomes φ(Q) (φ(K)ᵀ V) / (φ(Q) Σ φ(K)) with φ(x) = elu(x) + 1. Associating φ(K)ᵀ V first costs
 * O(n·d²) instead of O(n²·d). Padding keys get φ = 0, so no real token sees them.
 */
public final class LinearAttention implements MixerProvider {
  private static final MixerDescriptor DESCRIPTOR = MixerDescriptor.builder("linear-attention")
      .displayName("Linear attention")
      .paper("Katharopoulos, Vyas, Pappas, Fleuret: Transformers are RNNs: Fast Autoregressive Transformers "
          + "with Linear Attention, ICML 2020")
      .summary("kernelised attention, phi(x) = elu(x) + 1, associated as phi(Q) (phi(K)^T V): linear in length")
      .build();
  private static final float EPSILON = 1e-6f;

  @Override
  public MixerDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(MixerContext context) {
    if (context.width() % context.heads() != 0) {
      throw attnprof.api.ProfilerException.user("linear attention: the width " + context.width()
          + " is not a multiple of the " + context.heads() + " heads");
    }
  }

  @Override
  public TokenMixer create(MixerContext context) {
    return (net, x) -> {
      Heads.QueryKeyValue qkv = Heads.queryKeyValue(net, x.values(), context.heads());
      Operand<TFloat32> mixed = attend(net.tf(), qkv.query(), qkv.key(), qkv.value(), x.valid());
      return Heads.output(net, mixed, Layers.width(x.values()));
    };
  }

  /** Linear attention of {@code [..., tokens, d]} queries, keys and values; keys from {@code validKeys} on are padding. */
  static Operand<TFloat32> attend(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      long validKeys) {
    Operand<TFloat32> phiQ = phi(tf, q);
    Operand<TFloat32> phiK = phi(tf, k);
    long[] dims = Layers.dims(k);
    int tokens = (int) dims[dims.length - 2];
    if (validKeys < tokens) {
      float[][] mask = new float[tokens][1];
      for (int i = 0; i < validKeys; i++) {
        mask[i][0] = 1;
      }
      phiK = tf.math.mul(phiK, tf.constant(mask));
    }
    int[] swapLast = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      swapLast[i] = i;
    }
    swapLast[dims.length - 2] = dims.length - 1;
    swapLast[dims.length - 1] = dims.length - 2;
    Operand<TFloat32> phiKt = tf.linalg.transpose(phiK, tf.constant(swapLast));
    Operand<TFloat32> keyValues = Layers.batchMatMul(tf, phiKt, v, false);
    Operand<TFloat32> keySum = tf.sum(phiK, tf.constant(dims.length - 2), org.tensorflow.op.core.Sum.keepDims(true));
    Operand<TFloat32> normaliser = Layers.batchMatMul(tf, phiQ, keySum, true);
    Operand<TFloat32> numerator = Layers.batchMatMul(tf, phiQ, keyValues, false);
    return tf.math.div(numerator, tf.math.add(normaliser, tf.constant(EPSILON)));
  }

  private static Operand<TFloat32> phi(Ops tf, Operand<TFloat32> x) {
    return tf.math.add(tf.nn.elu(x), tf.constant(1f));
  }

  @Override
  public List<String> notes(attnprof.api.model.ModelConfig config) {
    return List.of("linear attention: phi(x) = elu(x) + 1, non-causal, no softmax; padding keys get phi = 0");
  }
}
