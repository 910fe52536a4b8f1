package attnprof.api.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Exact attention, softmax(q kᵀ / sqrt(d) + bias) v, computed without the whole queries x keys matrix (Rabe and
 * Staats 2021, the idea FlashAttention makes a kernel of): the queries in chunks, each against the keys in chunks
 * with a running softmax (a running maximum, the running sum of exponentials and the running weighted values,
 * rescaled when the maximum grows), so that no tensor larger than a query chunk x a key chunk of scores exists.
 * Query chunks are serialised by control dependencies, so that one chunk's scores are freed before the next
 * chunk's exist and the peak holds at what one chunk needs. The result equals {@link MultiHeadAttention#attend}
 * up to floating-point rounding; the multiply-adds are the same.
 *
 * @param queryChunk queries per chunk (positive)
 * @param keyChunk keys per chunk (positive)
 * @since API 4
 */
public record ChunkedAttention(long queryChunk, long keyChunk) {
  public ChunkedAttention {
    if (queryChunk <= 0 || keyChunk <= 0) {
      throw new IllegalArgumentException("chunks must be positive: " + queryChunk + " queries, " + keyChunk + " keys");
    }
  }

  /**
   * What is added to the scores of a chunk of queries, such as a padding mask or a relative-position term: computed
   * a query chunk at a time, so that a bias as large as the scores never exists either.
   *
   * @since API 4
   */
  @FunctionalInterface
  public interface Bias {
    /**
     * The bias of queries {@code [from, to)} against every key: broadcastable to {@code [..., to - from, keys]}, its
     * last axis the keys' (or 1). {@code tf} carries the chunk's control dependencies: build with it.
     */
    Operand<TFloat32> rows(Ops tf, long from, long to);

    /** A bias alike for every query (null for none): a {@code [keys]} vector or {@code [..., 1, keys]}. */
    static Bias everyRow(Operand<TFloat32> bias) {
      return bias == null ? null : (tf, from, to) -> bias;
    }
  }

  /**
   * softmax(q kᵀ / sqrt(d) + bias) v for {@code [..., queries, d]} and {@code [..., keys, d]} with static shapes;
   * the bias (nullable) is a {@code [keys]} vector, as {@link MultiHeadAttention#keyPaddingBias} gives.
   */
  public Operand<TFloat32> attend(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      Operand<TFloat32> bias) {
    return attend(tf, q, k, v, Bias.everyRow(bias), false);
  }

  /**
   * softmax(q kᵀ + bias) v for queries already scaled as the caller wants them (Transformer-XL's attention scales
   * q before adding its learned biases); the bias (nullable) is computed a query chunk at a time.
   */
  public Operand<TFloat32> attendScaled(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      Bias bias) {
    return attend(tf, q, k, v, bias, true);
  }

  private Operand<TFloat32> attend(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      Bias bias, boolean scaled) {
    long[] dims = Layers.dims(q);
    int axis = dims.length - 2;
    long queries = dims[axis];
    long keys = Layers.dims(k)[axis];
    if (queries <= queryChunk && keys <= keyChunk) {
      Operand<TFloat32> scores = scores(tf, q, k, scaled);
      if (bias != null) {
        scores = tf.math.add(scores, bias.rows(tf, 0, queries));
      }
      return Layers.batchMatMul(tf, tf.nn.softmax(scores), v, false);
    }
    List<Operand<TFloat32>> outputs = new ArrayList<>();
    Operand<TFloat32> previous = null;
    for (long start = 0; start < queries; start += queryChunk) {
      // the next chunk starts when the last one is done: its scores are freed before these exist
      Ops chunkOps = previous == null ? tf : tf.withControlDependencies(List.of(previous));
      long end = Math.min(queries, start + queryChunk);
      Operand<TFloat32> queryRows = Layers.sliceAxis(chunkOps, q, axis, start, end);
      Operand<TFloat32> biasRows = bias == null ? null : bias.rows(chunkOps, start, end);
      previous = attendChunk(tf, queryRows, k, v, biasRows, axis, keys, scaled);
      outputs.add(previous);
    }
    return outputs.size() == 1 ? outputs.get(0) : tf.concat(outputs, tf.constant(axis));
  }

  private static Operand<TFloat32> scores(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, boolean scaled) {
    return scaled ? Layers.batchMatMul(tf, q, k, true) : MultiHeadAttention.scores(tf, q, k);
  }

  /** One query chunk against every key chunk, with a running softmax when there are several. */
  private Operand<TFloat32> attendChunk(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      Operand<TFloat32> bias, int axis, long keys, boolean scaled) {
    if (keys <= keyChunk) {
      // one chunk of keys: the softmax of the chunk's rows at once, fused as dense attention's is
      Operand<TFloat32> scores = scores(tf, q, k, scaled);
      return Layers.batchMatMul(tf, tf.nn.softmax(bias == null ? scores : tf.math.add(scores, bias)), v, false);
    }
    Operand<org.tensorflow.types.TInt32> lastAxis = tf.constant(axis + 1);
    boolean biasPerKey = bias != null && lastDimension(bias) == keys && keys > 1;
    Operand<TFloat32> max = null;
    Operand<TFloat32> sum = null;
    Operand<TFloat32> weighted = null;
    for (long start = 0; start < keys; start += keyChunk) {
      long end = Math.min(keys, start + keyChunk);
      Operand<TFloat32> scores = scores(tf, q, Layers.sliceAxis(tf, k, axis, start, end), scaled);
      if (bias != null) {
        scores = tf.math.add(scores, biasPerKey ? sliceLast(tf, bias, start, end) : bias);
      }
      Operand<TFloat32> chunkMax = tf.reduceMax(scores, lastAxis, org.tensorflow.op.core.ReduceMax.keepDims(true));
      Operand<TFloat32> newMax = max == null ? chunkMax : tf.math.maximum(max, chunkMax);
      Operand<TFloat32> p = tf.math.exp(tf.math.sub(scores, newMax));
      Operand<TFloat32> chunkSum = tf.reduceSum(p, lastAxis, org.tensorflow.op.core.ReduceSum.keepDims(true));
      Operand<TFloat32> chunkValues = Layers.batchMatMul(tf, p, Layers.sliceAxis(tf, v, axis, start, end), false);
      if (max == null) {
        sum = chunkSum;
        weighted = chunkValues;
      } else {
        Operand<TFloat32> rescale = tf.math.exp(tf.math.sub(max, newMax));
        sum = tf.math.add(tf.math.mul(sum, rescale), chunkSum);
        weighted = tf.math.add(tf.math.mul(weighted, rescale), chunkValues);
      }
      max = newMax;
    }
    return tf.math.div(weighted, sum);
  }

  private static long lastDimension(Operand<TFloat32> x) {
    long[] dims = Layers.dims(x);
    return dims[dims.length - 1];
  }

  private static Operand<TFloat32> sliceLast(Ops tf, Operand<TFloat32> x, long start, long end) {
    return Layers.sliceAxis(tf, x, Layers.dims(x).length - 1, start, end);
  }
}
