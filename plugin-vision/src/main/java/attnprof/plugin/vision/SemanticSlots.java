package attnprof.plugin.vision;

import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * GLMix's global branch: attention among a few semantic slots instead of among all pixels. Slots
 * start as an adaptive average pooling of the grid; soft clustering gathers the pixels into the
 * slots (weights: a softmax over pixels of the scaled cosine similarity of slot and pixel),
 * multi-head self-attention mixes the slots, and dispatching spreads them back (weights: a softmax
 * over slots of the same similarities). Linear in the pixels for a fixed number of slots.
 *
 * @param heads attention heads among the slots
 * @param scaleInit how the learned scale of the similarities (weight {@code slot_scale}) starts
 */
record SemanticSlots(long heads, Init scaleInit) {

  /**
   * The branch's output for pixels {@code [batch, pixels, c]} and initial slots
   * {@code [batch, slots, c]}: {@code [batch, pixels, c]}.
   */
  Operand<TFloat32> apply(Net net, Operand<TFloat32> pixels, Operand<TFloat32> initialSlots) {
    Ops tf = net.tf();
    Operand<TFloat32> scale = net.weight("slot_scale", scaleInit);
    Operand<TFloat32> logits = tf.math.mul(similarity(tf, initialSlots, pixels), scale);
    Operand<TFloat32> slots = Layers.batchMatMul(tf, clusterWeights(tf, logits), pixels, false);
    Operand<TFloat32> mixed = new MultiHeadAttention(heads).mix(net, Sequence.of(slots));
    return Layers.batchMatMul(tf, dispatchWeights(tf, logits), mixed, false);
  }

  /** The cosine similarity of every slot with every pixel: {@code [batch, slots, pixels]}. */
  static Operand<TFloat32> similarity(Ops tf, Operand<TFloat32> slots, Operand<TFloat32> pixels) {
    return Layers.batchMatMul(tf, unit(tf, slots), unit(tf, pixels), true);
  }

  /** Soft clustering: for each slot, a distribution over the pixels, {@code [batch, slots, pixels]}. */
  static Operand<TFloat32> clusterWeights(Ops tf, Operand<TFloat32> logits) {
    return tf.nn.softmax(logits);
  }

  /** Dispatching: for each pixel, a distribution over the slots, {@code [batch, pixels, slots]}. */
  static Operand<TFloat32> dispatchWeights(Ops tf, Operand<TFloat32> logits) {
    return tf.nn.softmax(tf.linalg.transpose(logits, tf.constant(new int[] {0, 2, 1})));
  }

  /** Vectors scaled to unit length along the last axis (the length floored at 1e-12, as F.normalize). */
  private static Operand<TFloat32> unit(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> squares = tf.sum(tf.math.square(x), tf.constant(-1),
        org.tensorflow.op.core.Sum.keepDims(true));
    return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squares, tf.constant(1e-24f))));
  }

  /**
   * Adaptive average pooling of a grid {@code [batch, height, width, c]} to {@code side x side} slots
   * {@code [batch, side², c]}, as {@code adaptive_avg_pool2d}: slot {@code (i, j)} averages the cells
   * of rows {@code floor(i h / side) .. ceil((i + 1) h / side)} and the like columns. Separable: the
   * columns' ranges are averaged first, then the rows', so it reads each cell about once, O(h·w·c),
   * where a pooling matrix costs {@code side²} times that.
   */
  static Operand<TFloat32> adaptiveAveragePool(Ops tf, Operand<TFloat32> grid, int side) {
    long[] dims = Layers.dims(grid);
    Operand<TFloat32> columns = averageRanges(tf, grid, 2, side);
    Operand<TFloat32> slots = averageRanges(tf, columns, 1, side);
    return Layers.reshape(tf, slots, dims[0], (long) side * side, dims[3]);
  }

  /** Each of {@code side} adaptive ranges of one axis averaged: that axis becomes {@code side} long. */
  private static Operand<TFloat32> averageRanges(Ops tf, Operand<TFloat32> x, int axis, int side) {
    long length = Layers.dims(x)[axis];
    if (length == side) {
      return x;
    }
    java.util.List<Operand<TFloat32>> ranges = new java.util.ArrayList<>();
    for (int i = 0; i < side; i++) {
      long from = Math.floorDiv(i * length, side);
      long to = -Math.floorDiv(-(i + 1) * length, side);
      Operand<TFloat32> range = Layers.sliceAxis(tf, x, axis, from, to);
      ranges.add(to - from == 1 ? range
          : tf.math.mean(range, tf.constant(axis), org.tensorflow.op.math.Mean.keepDims(true)));
    }
    return tf.concat(ranges, tf.constant(axis));
  }
}
