package attnprof.plugin.speech.mixers;

import attnprof.api.nn.Heads;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Fastformer's additive attention (Wu, Wu, Qi, Huang, Xie 2021), linear in length, as the BEST-RQ
 * study's {@code fast_attention.py} (whettenr/brq-att-alt-exp) builds it, with three d x d
 * projections (the values are the queries): q = W_q x + b ({@code query}); per head h,
 * α = softmax over frames of a_q(q_t)_h / sqrt(d_h), with a_q a dense layer from the full width to
 * one score per head ({@code query_attn}); the global query g_h = Σ α_t q_t,h; k = W_k x + b
 * ({@code key}); p = k ⊙ g; β and the global key c from p likewise ({@code key_attn}); u = c ⊙ q;
 * the output W_o u + b + q ({@code output}).
 *
 * @param heads the heads of the pooling
 */
public record Fastformer(long heads) implements TokenMixer {

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long width = Layers.width(x.values());
    Operand<TFloat32> bias = x.padded() ? MultiHeadAttention.keyPaddingBias(tf, x.length(), x.valid()) : null;
    Operand<TFloat32> query = Layers.dense(net.part("query"), x.values(), width);
    Operand<TFloat32> globalQuery = pool(net, "query_attn", query, bias);
    Operand<TFloat32> key = Layers.dense(net.part("key"), x.values(), width);
    Operand<TFloat32> mixedKeys = tf.math.mul(key, globalQuery);
    Operand<TFloat32> globalKey = pool(net, "key_attn", mixedKeys, bias);
    Operand<TFloat32> mixedValues = tf.math.mul(query, globalKey);
    return tf.math.add(Layers.dense(net.part("output"), mixedValues, width), query);
  }

  /**
   * Attention pooling of {@code [batch, frames, width]}: per head, softmax over the frames of a dense
   * layer's score ({@code name}, width to heads) scaled by 1/sqrt(head size), weighing that head's slice
   * of the frames; returns {@code [batch, 1, width]}, the heads side by side.
   */
  private Operand<TFloat32> pool(Net net, String name, Operand<TFloat32> x, Operand<TFloat32> bias) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    long size = dims[2] / heads;
    // [batch, frames, heads] -> [batch, heads, 1, frames]
    Operand<TFloat32> scores = tf.linalg.transpose(Layers.dense(net.part(name), x, heads),
        tf.constant(new int[] {0, 2, 1}));
    scores = tf.math.mul(Layers.reshape(tf, scores, dims[0], heads, 1, dims[1]),
        tf.constant((float) (1 / Math.sqrt(size))));
    if (bias != null) {
      scores = tf.math.add(scores, bias);
    }
    Operand<TFloat32> pooled = Layers.batchMatMul(tf, tf.nn.softmax(scores), Heads.split(tf, x, heads), false);
    return Layers.reshape(tf, Heads.merge(tf, pooled), dims[0], 1, dims[2]);
  }
}
