package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Vanilla multi-head self-attention (Vaswani et al.): softmax(Q Kᵀ / sqrt(d)) V over every pair of
 * tokens, with query, key, value and output projections. Time and memory grow with the square of
 * the number of tokens; with {@code chunks}, the same function computed in chunks ({@link ChunkedAttention}), whose
 * memory grows linearly.
 *
 * @param heads attention heads
 * @param chunks the query and key chunks to compute it in, or null for the whole matrix at once
 * @since API 1; {@code chunks} since API 4
 */
public record MultiHeadAttention(long heads, ChunkedAttention chunks) implements TokenMixer {
  /** The additive bias that removes a key from a softmax. Finite, so a row of only masked keys stays finite. */
  public static final float MASKED = -1e9f;

  /** Attention over the whole queries x keys matrix at once, as the 2017 Transformer computes it. */
  public MultiHeadAttention(long heads) {
    this(heads, null);
  }

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    Heads.QueryKeyValue qkv = Heads.queryKeyValue(net, x.values(), heads);
    Operand<TFloat32> bias = x.padded() ? keyPaddingBias(tf, x.length(), x.valid()) : null;
    Operand<TFloat32> context = chunks == null ? attend(tf, qkv.query(), qkv.key(), qkv.value(), bias)
        : chunks.attend(tf, qkv.query(), qkv.key(), qkv.value(), bias);
    return Heads.output(net, context, Layers.width(x.values()));
  }

  /**
   * softmax(q kᵀ / sqrt(d) + bias) v for {@code [..., queries, d]} and {@code [..., keys, d]}; the
   * bias (nullable) broadcasts to {@code [..., queries, keys]}.
   */
  public static Operand<TFloat32> attend(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      Operand<TFloat32> bias) {
    return Layers.batchMatMul(tf, probabilities(tf, q, k, bias), v, false);
  }

  /** softmax(q kᵀ / sqrt(d) + bias) over the keys. */
  public static Operand<TFloat32> probabilities(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k,
      Operand<TFloat32> bias) {
    Operand<TFloat32> scores = scores(tf, q, k);
    if (bias != null) {
      scores = tf.math.add(scores, bias);
    }
    return tf.nn.softmax(scores);
  }

  /** q kᵀ / sqrt(d). */
  public static Operand<TFloat32> scores(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k) {
    float scale = (float) (1 / Math.sqrt(Layers.width(q)));
    return tf.math.mul(Layers.batchMatMul(tf, q, k, true), tf.constant(scale));
  }

  /** A {@code [keys]} bias that removes keys at or after {@code valid} from every softmax. */
  public static Operand<TFloat32> keyPaddingBias(Ops tf, long keys, long valid) {
    float[] bias = new float[Math.toIntExact(keys)];
    for (long i = valid; i < keys; i++) {
      bias[(int) i] = MASKED;
    }
    return tf.constant(bias);
  }
}
