package attnprof.plugin.vision;

import attnprof.api.model.Component;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Operations on image-like grids {@code [batch, height, width, channels]} and their token form
 * {@code [batch, height * width, channels]} (row-major): patch embedding, depthwise convolution,
 * padding, cyclic shifts and 2x2 patch merging. Shifts and merges are slices, concatenations,
 * reshapes and transposes only, whose gradients TensorFlow Java has.
 */
final class Grids {
  private Grids() {
  }

  /** {@code [batch, height, width, c]} to tokens {@code [batch, height * width, c]}. */
  static Operand<TFloat32> tokens(Ops tf, Operand<TFloat32> grid) {
    long[] dims = Layers.dims(grid);
    return Layers.reshape(tf, grid, dims[0], dims[1] * dims[2], dims[3]);
  }

  /** Tokens {@code [batch, height * width, c]} to {@code [batch, height, width, c]}. */
  static Operand<TFloat32> grid(Ops tf, Operand<TFloat32> tokens, long height, long width) {
    long[] dims = Layers.dims(tokens);
    if (dims[1] != height * width) {
      throw new IllegalArgumentException(dims[1] + " tokens are not a " + height + " x " + width + " grid");
    }
    return Layers.reshape(tf, tokens, dims[0], height, width, dims[2]);
  }

  /**
   * Non-overlapping patches of {@code patch x patch} pixels, each projected to {@code width}
   * channels (a convolution whose kernel and stride are the patch, weights {@code kernel} and
   * {@code bias}). An image whose side is not a multiple of the patch is padded with zeros at the
   * bottom and right first, as Swin's patch embedding does.
   */
  static Operand<TFloat32> patches(Net net, Operand<TFloat32> image, int patch, long width) {
    Ops tf = net.tf();
    Operand<TFloat32> padded = padTo(tf, image, patch);
    long channels = Layers.dims(padded)[3];
    Operand<TFloat32> kernel = net.weight("kernel", Init.normal(Layers.INIT_STDDEV), patch, patch, channels, width);
    Operand<TFloat32> projected = tf.nn.conv2d(padded, kernel, List.of(1L, (long) patch, (long) patch, 1L), "VALID");
    return tf.math.add(projected, net.weight("bias", Init.zeros(), width));
  }

  /** A depthwise {@code kernel x kernel} convolution with zero padding and a bias, per channel. */
  static Operand<TFloat32> depthwise(Net net, Operand<TFloat32> grid, int kernel) {
    Ops tf = net.tf();
    long channels = Layers.dims(grid)[3];
    Operand<TFloat32> filter = net.weight("kernel", Init.normal(Layers.INIT_STDDEV), kernel, kernel, channels, 1);
    Operand<TFloat32> convolved = tf.nn.depthwiseConv2dNative(grid, filter, List.of(1L, 1L, 1L, 1L), "SAME");
    return tf.math.add(convolved, net.weight("bias", Init.zeros(), channels));
  }

  /** Pads height and width with zeros at the bottom and right to multiples of {@code multiple}. */
  static Operand<TFloat32> padTo(Ops tf, Operand<TFloat32> grid, long multiple) {
    long[] dims = Layers.dims(grid);
    Operand<TFloat32> rows = Layers.padAxis(tf, grid, 1, 0, roundUp(dims[1], multiple) - dims[1]);
    return Layers.padAxis(tf, rows, 2, 0, roundUp(dims[2], multiple) - dims[2]);
  }

  /** {@code value} rounded up to a multiple of {@code multiple}. */
  static long roundUp(long value, long multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  /**
   * Swin's patch merging: each 2x2 block of a grid becomes one cell of four times the channels
   * (odd sides are padded with zeros first), then layer normalisation and a projection without
   * bias to twice the channels. Returns {@code [batch, ceil(h / 2), ceil(w / 2), 2c]}.
   */
  static Operand<TFloat32> merge(Net net, Operand<TFloat32> grid, double epsilon) {
    Ops tf = net.tf();
    Operand<TFloat32> padded = padTo(tf, grid, 2);
    long[] dims = Layers.dims(padded);
    long c = dims[3];
    Operand<TFloat32> blocks = Layers.reshape(tf, padded, dims[0], dims[1] / 2, 2, dims[2] / 2, 2, c);
    // [batch, h/2, w/2, column offset, row offset, c]: Swin's order x0 (0,0), x1 (1,0), x2 (0,1), x3 (1,1)
    Operand<TFloat32> ordered = tf.linalg.transpose(blocks, tf.constant(new int[] {0, 1, 3, 4, 2, 5}));
    Operand<TFloat32> stacked = Layers.reshape(tf, ordered, dims[0], dims[1] / 2, dims[2] / 2, 4 * c);
    Operand<TFloat32> normalized = Layers.layerNorm(net.part("merge").in(Component.NORM), stacked, epsilon);
    return Layers.denseNoBias(net.part("merge"), normalized, 2 * c);
  }

  /** The mean over all cells: {@code [batch, tokens, c]} to {@code [batch, c]}. */
  static Operand<TFloat32> meanOfTokens(Ops tf, Operand<TFloat32> tokens) {
    return tf.math.mean(tokens, tf.constant(1));
  }
}
