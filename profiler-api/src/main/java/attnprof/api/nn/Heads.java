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
   * {@code [batch, tokens, heads * size]} to {@code [batch, heads, tokens, size]}: split along the
   * width and stacked, which on the CPU costs less than a transpose (oneDNN's is slow on small tensors).
   */
  public static Operand<TFloat32> split(Ops tf, Operand<TFloat32> x, long heads) {
    long[] dims = Layers.dims(x);
    if (dims[2] % heads != 0) {
      throw new IllegalArgumentException("width " + dims[2] + " is not a multiple of " + heads + " heads");
    }
    if (heads == 1) {
      return Layers.reshape(tf, x, dims[0], 1, dims[1], dims[2]);
    }
    java.util.List<Operand<TFloat32>> parts = new java.util.ArrayList<>();
    tf.split(tf.constant(2), x, heads).forEach(parts::add);
    return tf.stack(parts, org.tensorflow.op.core.Stack.axis(1L));
  }

  /** {@code [batch, heads, tokens, size]} to {@code [batch, tokens, heads * size]}: unstacked and joined. */
  public static Operand<TFloat32> merge(Ops tf, Operand<TFloat32> x) {
    long[] dims = Layers.dims(x);
    if (dims[1] == 1) {
      return Layers.reshape(tf, x, dims[0], dims[2], dims[3]);
    }
    java.util.List<Operand<TFloat32>> heads = new java.util.ArrayList<>();
    tf.unstack(x, dims[1], org.tensorflow.op.core.Unstack.axis(1L)).forEach(heads::add);
    return tf.concat(heads, tf.constant(2));
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
   * size]} by one transpose: on the CPU one wide product runs faster than three narrow ones, and one
   * transpose copies less than three splits and stacks.
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

  /**
   * {@code [batch, heads, tokens, size]} to {@code [batch, tokens, heads * size]} by one transpose, and the
   * output projection (scope {@code output}): for large tensors, where one copy beats {@link #merge}'s two.
   */
  public static Operand<TFloat32> transposedOutput(Net net, Operand<TFloat32> context, long width) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(context);
    Operand<TFloat32> tokensFirst = tf.linalg.transpose(context, tf.constant(new int[] {0, 2, 1, 3}));
    return Layers.dense(net.part("output"), Layers.reshape(tf, tokensFirst, dims[0], dims[2], width), width);
  }

  /** Merges heads back and applies the output projection (scope {@code output}) to {@code width}. */
  public static Operand<TFloat32> output(Net net, Operand<TFloat32> context, long width) {
    return Layers.dense(net.part("output"), merge(net.tf(), context), width);
  }
}
