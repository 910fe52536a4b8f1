package attnprof.api.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Splitting token vectors into attention heads and back.
 *
 * @since API 1
 */
public final class Heads {
  private Heads() {
  }

  /**
   * {@code [batch, tokens, heads * size]} to {@code [batch, heads, tokens, size]}: one transpose (on this
   * CPU a third cheaper than a split and a stack for BERT's 724 x 512 in 8 heads, half for Swin's 3136 x 96
   * in 3).
   */
  public static Operand<TFloat32> split(Ops tf, Operand<TFloat32> x, long heads) {
    long[] dims = Layers.dims(x);
    if (dims[2] % heads != 0) {
      throw new IllegalArgumentException("width " + dims[2] + " is not a multiple of " + heads + " heads");
    }
    if (heads == 1) {
      return Layers.reshape(tf, x, dims[0], 1, dims[1], dims[2]);
    }
    Operand<TFloat32> perHead = Layers.reshape(tf, x, dims[0], dims[1], heads, dims[2] / heads);
    return tf.linalg.transpose(perHead, tf.constant(new int[] {0, 2, 1, 3}));
  }

  /** {@code [batch, heads, tokens, size]} to {@code [batch, tokens, heads * size]}: one transpose. */
  public static Operand<TFloat32> merge(Ops tf, Operand<TFloat32> x) {
    long[] dims = Layers.dims(x);
    if (dims[1] == 1) {
      return Layers.reshape(tf, x, dims[0], dims[2], dims[3]);
    }
    Operand<TFloat32> tokensFirst = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
    return Layers.reshape(tf, tokensFirst, dims[0], dims[2], dims[1] * dims[3]);
  }

  /** A dense projection (scope {@code name}) split into heads: {@code [batch, heads, tokens, size]}. */
  public static Operand<TFloat32> project(Net net, String name, Operand<TFloat32> x, long heads) {
    Net place = net.part(name);
    return split(place.tf(), Layers.dense(place, x, Layers.width(x)), heads);
  }

  /** The query, key and value projections of a sequence, split into heads. */
  public record QueryKeyValue(Operand<TFloat32> query, Operand<TFloat32> key, Operand<TFloat32> value) {
  }

  /**
   * Projects {@code x} into queries, keys and values (scopes {@code query}, {@code key}, {@code value}),
   * each {@code [batch, heads, tokens, size]}: the projections every attention variant shares, so
   * variants built on equal seeds share these weights.
   */
  public static QueryKeyValue queryKeyValue(Net net, Operand<TFloat32> x, long heads) {
    return new QueryKeyValue(project(net, "query", x, heads), project(net, "key", x, heads),
        project(net, "value", x, heads));
  }

  /**
   * Queries, keys and values from one projection {@code [batch, tokens, 3 x width]} whose output holds
   * them side by side (as Swin's {@code qkv} layer), each split into heads {@code [batch, heads, tokens,
   * size]} by one transpose: on the CPU one wide product runs faster than three narrow ones.
   */
  public static QueryKeyValue splitQueryKeyValue(Ops tf, Operand<TFloat32> projected, long heads) {
    long[] dims = Layers.dims(projected);
    long width = dims[2] / 3;
    if (dims[2] % 3 != 0 || width % heads != 0) {
      throw new IllegalArgumentException("width " + dims[2] + " is not three times a multiple of " + heads + " heads");
    }
    Operand<TFloat32> split = Layers.reshape(tf, projected, dims[0], dims[1], 3, heads, width / heads);
    Operand<TFloat32> headsFirst = tf.linalg.transpose(split, tf.constant(new int[] {2, 0, 3, 1, 4}));
    List<Output<TFloat32>> parts = tf.unstack(headsFirst, 3L).output();
    return new QueryKeyValue(parts.get(0), parts.get(1), parts.get(2));
  }

  /** Merges heads back and applies the output projection (scope {@code output}) to {@code width}. */
  public static Operand<TFloat32> output(Net net, Operand<TFloat32> context, long width) {
    return Layers.dense(net.part("output"), merge(net.tf(), context), width);
  }
}
