package attnprof.plugin.speech.brq;

import attnprof.api.nn.ChunkedAttention;
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
 * Transformer-XL's relative-position self-attention as SpeechBrain's {@code RelPosMHAXL} builds it
 * (the BEST-RQ study's baseline): q, k, v from one projection without bias ({@code in_proj},
 * 3·d²); the relative position encodings of {@link #encodings} through {@code linear_pos} (d², no
 * bias), split into heads as p; learned biases u and v per head ({@code pos_bias_u},
 * {@code pos_bias_v}); scores (q + u)·kᵀ/√d + shift((q + v)·pᵀ/√d), where the shift (the
 * pad-reshape-slice trick of {@code rel_shift}) lines up column j of row i with position i - j, so
 * the position term costs a [frames, 2·frames - 1] product per head; softmax; the output projection
 * ({@code out_proj}, with bias). The scale is 1/√d of the whole width, as the reference's. With {@code chunks},
 * the same function a query chunk at a time ({@link ChunkedAttention}): each chunk's position term is its rows of
 * the same product, so neither term ever exists for every query at once.
 *
 * @param heads the attention heads
 * @param chunks the chunks to compute it in, or null for the whole matrix at once
 */
public record RelativePositionAttention(long heads, ChunkedAttention chunks) implements TokenMixer {
  /** Attention over the whole matrix at once, as SpeechBrain computes it. */
  public RelativePositionAttention(long heads) {
    this(heads, null);
  }

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long frames = Layers.dims(x.values())[1];
    Operand<TFloat32> bias = x.padded() ? MultiHeadAttention.keyPaddingBias(tf, frames, x.valid()) : null;
    return attend(net, x.values(), heads, chunks, (k, v) -> new Keys(k, v, ChunkedAttention.Bias.everyRow(bias)));
  }

  /**
   * The keys and values the queries attend to, with a bias on their scores.
   *
   * @param keys {@code [batch, heads, keys, size]}: the queries' own frames last, the frames before them first
   * @param values likewise
   * @param bias added to the scores, a query chunk's rows at a time, broadcast to {@code [batch, heads, queries,
   *     keys]}; null for none
   */
  public record Keys(Operand<TFloat32> keys, Operand<TFloat32> values, ChunkedAttention.Bias bias) {
  }

  /**
   * The attention of {@code x}'s frames over the keys {@code context} makes from their own keys and
   * values (a stream's left context put before them, say): the last query sits at the last key, so a
   * query and a key are as far apart as their places from the end say. With {@code chunks} (nullable), in chunks.
   */
  public static Operand<TFloat32> attend(Net net, Operand<TFloat32> x, long heads, ChunkedAttention chunks,
      java.util.function.BiFunction<Operand<TFloat32>, Operand<TFloat32>, Keys> context) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    long queries = dims[1];
    long width = dims[2];
    long size = width / heads;
    Operand<TFloat32> projected = Layers.denseNoBias(net.part("in_proj"), x, 3 * width);
    Operand<TFloat32> q = Heads.split(tf, Layers.sliceAxis(tf, projected, 2, 0, width), heads);
    Keys keys = context.apply(Heads.split(tf, Layers.sliceAxis(tf, projected, 2, width, 2 * width), heads),
        Heads.split(tf, Layers.sliceAxis(tf, projected, 2, 2 * width, 3 * width), heads));
    long keyCount = Layers.dims(keys.keys())[2];
    Operand<TFloat32> positions = Heads.split(tf, Layers.denseNoBias(net.part("linear_pos"),
        Layers.reshape(tf, sharedEncodings(net, queries, keyCount, width), 1, queries + keyCount - 1, width), width),
        heads);
    Operand<TFloat32> scale = tf.constant((float) (1 / Math.sqrt(width)));
    Operand<TFloat32> u = Layers.reshape(tf, net.weight("pos_bias_u", Init.normal(Layers.INIT_STDDEV), heads, size),
        heads, 1, size);
    Operand<TFloat32> biasV = Layers.reshape(tf, net.weight("pos_bias_v", Init.normal(Layers.INIT_STDDEV), heads, size),
        heads, 1, size);
    Operand<TFloat32> contentQueries = tf.math.mul(tf.math.add(q, u), scale);
    Operand<TFloat32> positionQueries = tf.math.mul(tf.math.add(q, biasV), scale);
    // the position term of queries [from, to): their rows of (q + v)·pᵀ, the columns their keys reach, shifted
    ChunkedAttention.Bias position = (t, from, to) -> {
      Operand<TFloat32> rows = Layers.batchMatMul(t, Layers.sliceAxis(t, positionQueries, 2, from, to), positions,
          true);
      if (from > 0 || to < queries) {
        rows = Layers.sliceAxis(t, rows, 3, queries - to, queries - from + keyCount - 1);
      }
      Operand<TFloat32> term = shift(t, rows, keyCount);
      return keys.bias() == null ? term : t.math.add(term, keys.bias().rows(t, from, to));
    };
    Operand<TFloat32> attended;
    if (chunks == null) {
      Operand<TFloat32> scores = tf.math.add(Layers.batchMatMul(tf, contentQueries, keys.keys(), true),
          position.rows(tf, 0, queries));
      attended = Layers.batchMatMul(tf, tf.nn.softmax(scores), keys.values(), false);
    } else {
      attended = chunks.attendScaled(tf, contentQueries, keys.keys(), keys.values(), position);
    }
    return Layers.dense(net.part("out_proj"), Heads.merge(tf, attended), width);
  }

  /**
   * {@code rel_shift}: {@code [batch, heads, T, 2T-1]} whose column c holds relative position
   * T - 1 - c, to {@code [batch, heads, T, T]} whose column j in row i holds position i - j.
   */
  public static Operand<TFloat32> shift(Ops tf, Operand<TFloat32> scores) {
    return shift(tf, scores, Layers.dims(scores)[2]);
  }

  /**
   * {@code rel_shift} for Q queries after K - Q earlier keys: {@code [batch, heads, Q, K+Q-1]} whose
   * column c holds relative position K - 1 - c, to {@code [batch, heads, Q, K]} whose column j in row i
   * holds position (K - Q + i) - j. Padding a column on the left and reading the rows again one element
   * later moves row i left by Q - 1 - i.
   */
  public static Operand<TFloat32> shift(Ops tf, Operand<TFloat32> scores, long keys) {
    long[] dims = Layers.dims(scores);
    long queries = dims[2];
    long positions = dims[3];
    Operand<TFloat32> padded = Layers.padAxis(tf, scores, 3, 1, 0);
    Operand<TFloat32> tall = Layers.reshape(tf, padded, dims[0], dims[1], positions + 1, queries);
    Operand<TFloat32> dropped = Layers.sliceAxis(tf, tall, 2, 1, positions + 1);
    Operand<TFloat32> back = Layers.reshape(tf, dropped, dims[0], dims[1], queries, positions);
    return Layers.sliceAxis(tf, back, 3, 0, keys);
  }

  /** The encodings as one constant every layer of the model shares. */
  static Operand<TFloat32> sharedEncodings(Net net, long frames, long width) {
    return sharedEncodings(net, frames, frames, width);
  }

  /** The encodings of Q queries after K - Q earlier keys, one constant every layer shares. */
  static Operand<TFloat32> sharedEncodings(Net net, long queries, long keys, long width) {
    return net.shared("relative-positions/" + queries + "/" + keys + "/" + width,
        tf -> tf.constant(encodings(queries, keys, width)));
  }

  /**
   * SpeechBrain's {@code RelPosEncXL}, {@code [2T-1, width]}: row r for relative position T - 1 - r;
   * the even channels hold sin(|p|·f) for every p (the reference writes the same sines for the past
   * and the future), the odd ones cos(p·f).
   */
  static float[][] encodings(long frames, long width) {
    return encodings(frames, frames, width);
  }

  /** The encodings of relative positions K - 1 down to -(Q - 1), {@code [K+Q-1, width]}. */
  static float[][] encodings(long queries, long keys, long width) {
    float[][] encoding = new float[(int) (keys + queries - 1)][(int) width];
    for (int row = 0; row < encoding.length; row++) {
      long position = keys - 1 - row;
      for (int i = 0; i < width; i++) {
        encoding[row][i] = (float) SinusoidalPositions.value(i % 2 == 0 ? Math.abs(position) : position, i, width);
      }
    }
    return encoding;
  }
}
