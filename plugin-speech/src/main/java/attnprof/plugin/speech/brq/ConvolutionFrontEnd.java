package attnprof.plugin.speech.brq;

import attnprof.api.model.Component;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SpeechBrain's {@code ConvolutionFrontEnd} as the BEST-RQ study configures it: the filterbank
 * frames padded with zeros to a multiple of 4 ({@code pad_to_divisible_by}), then blocks of a 3x3
 * convolution with stride 2 over time and frequency ({@code [batch, time, frequency, channels]},
 * "same" padding of one on each side), a layer normalisation over frequency and channels together
 * with a weight per (frequency, channel), and a LeakyReLU (slope 0.01). Blocks are parts
 * {@code block_1}, {@code block_2}...
 */
public final class ConvolutionFrontEnd {
  static final int KERNEL = 3;
  static final int STRIDE = 2;
  static final double EPSILON = 1e-5;
  static final float LEAKY_SLOPE = 0.01f;

  private ConvolutionFrontEnd() {
  }

  /** Frames after the blocks, from filterbank frames. */
  static long frames(long filterbankFrames, int blocks) {
    long divisor = (long) Math.pow(STRIDE, blocks);
    return (filterbankFrames + divisor - 1) / divisor;
  }

  /** Frequency bins after the blocks. */
  static long bins(long mels, int blocks) {
    long bins = mels;
    for (int i = 0; i < blocks; i++) {
      bins = (bins + STRIDE - 1) / STRIDE;
    }
    return bins;
  }

  /** {@code [batch, frames, mels]} to {@code [batch, frames / 4, bins x last channels]}. */
  public static Operand<TFloat32> apply(Net net, Operand<TFloat32> filterbanks, List<Integer> channels) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(filterbanks);
    long divisor = (long) Math.pow(STRIDE, channels.size());
    long frames = frames(dims[1], channels.size()) * divisor;
    Operand<TFloat32> x = Layers.reshape(tf, Layers.padAxis(tf, filterbanks, 1, 0, frames - dims[1]),
        dims[0], frames, dims[2], 1);
    for (int i = 0; i < channels.size(); i++) {
      x = block(net.part("block_" + (i + 1)), x, channels.get(i));
    }
    long[] out = Layers.dims(x);
    return Layers.reshape(tf, x, out[0], out[1], out[2] * out[3]);
  }

  private static Operand<TFloat32> block(Net net, Operand<TFloat32> x, long channels) {
    Ops tf = net.tf();
    long in = Layers.dims(x)[3];
    Operand<TFloat32> kernel = net.weight("kernel", Init.normal(Layers.INIT_STDDEV), KERNEL, KERNEL, in, channels);
    Operand<TFloat32> bias = net.weight("bias", Init.zeros(), channels);
    Operand<TFloat32> padded = Layers.padAxis(tf, Layers.padAxis(tf, x, 1, 1, 1), 2, 1, 1);
    Operand<TFloat32> convolved = tf.math.add(tf.nn.conv2d(padded, kernel, List.of(1L, (long) STRIDE, (long) STRIDE, 1L),
        "VALID"), bias);
    Operand<TFloat32> normalised = planeNorm(net.part("norm").in(Component.NORM), convolved);
    return tf.math.maximum(normalised, tf.math.mul(normalised, tf.constant(LEAKY_SLOPE)));
  }

  /** Layer normalisation over the last two axes, with a weight and bias per element of them. */
  private static Operand<TFloat32> planeNorm(Net net, Operand<TFloat32> x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    Operand<org.tensorflow.types.TInt32> axes = tf.constant(new int[] {2, 3});
    Operand<TFloat32> mean = tf.math.mean(x, axes, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), axes, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> normalised = tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) EPSILON))));
    Operand<TFloat32> gamma = net.weight("gamma", Init.ones(), dims[2], dims[3]);
    Operand<TFloat32> beta = net.weight("beta", Init.zeros(), dims[2], dims[3]);
    return tf.math.add(tf.math.mul(normalised, gamma), beta);
  }
}
