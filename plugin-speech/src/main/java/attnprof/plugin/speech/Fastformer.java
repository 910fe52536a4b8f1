package attnprof.plugin.speech;

import attnprof.api.nn.Heads;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Fastformer's additive attention (Wu, Wu, Qi, Huang, Xie 2021), linear in length, per head:
 * α = softmax over frames of (w_qᵀ q_t / sqrt d); the global query g = Σ α_t q_t; p_t = g ⊙ k_t;
 * β = softmax of (w_kᵀ p_t / sqrt d); the global key c = Σ β_t p_t; u_t = c ⊙ v_t. Then the heads
 * are merged, transformed ({@code transform}), added to the queries, and projected ({@code output}).
 */
final class Fastformer implements TokenMixer {
  private final long heads;

  Fastformer(long heads) {
    this.heads = heads;
  }

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long width = Layers.width(x.values());
    long size = width / heads;
    Heads.QueryKeyValue qkv = Heads.queryKeyValue(net, x.values(), heads);
    Operand<TFloat32> bias = x.padded() ? MultiHeadAttention.keyPaddingBias(tf, x.length(), x.valid()) : null;
    Operand<TFloat32> queryPool = net.weight("query_pool", Init.normal(Layers.INIT_STDDEV), heads, size);
    Operand<TFloat32> globalQuery = pool(tf, qkv.query(), queryPool, bias);
    Operand<TFloat32> mixedKeys = tf.math.mul(globalQuery, qkv.key());
    Operand<TFloat32> keyPool = net.weight("key_pool", Init.normal(Layers.INIT_STDDEV), heads, size);
    Operand<TFloat32> globalKey = pool(tf, mixedKeys, keyPool, bias);
    Operand<TFloat32> mixedValues = tf.math.mul(globalKey, qkv.value());
    Operand<TFloat32> transformed = Layers.dense(net.part("transform"), Heads.merge(tf, mixedValues), width);
    return Layers.dense(net.part("output"), tf.math.add(transformed, Heads.merge(tf, qkv.query())), width);
  }

  /**
   * Attention pooling of {@code [batch, heads, frames, size]} with one learned vector per head
   * ({@code [heads, size]}): {@code [batch, heads, 1, size]}.
   */
  static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, Operand<TFloat32> vectors, Operand<TFloat32> bias) {
    long[] dims = Layers.dims(x);
    Operand<TFloat32> perHead = Layers.reshape(tf, vectors, 1, dims[1], dims[3], 1);
    // [batch, heads, frames, 1] -> [batch, heads, 1, frames]
    Operand<TFloat32> scores = tf.math.mul(Layers.batchMatMul(tf, x, perHead, false),
        tf.constant((float) (1 / Math.sqrt(dims[3]))));
    scores = Layers.reshape(tf, scores, dims[0], dims[1], 1, dims[2]);
    if (bias != null) {
      scores = tf.math.add(scores, bias);
    }
    return Layers.batchMatMul(tf, tf.nn.softmax(scores), x, false);
  }
}
