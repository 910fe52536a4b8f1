package attnprof.plugin.speech.hubert;

import attnprof.api.model.Component;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * wav2vec 2.0's and HuBERT's convolutional feature encoder: 1-D convolutions without bias over the
 * raw waveform, each followed by GELU, with a group normalisation (one group per channel) after the
 * first. With kernels 10,3,3,3,3,2,2 and strides 5,2,2,2,2,2,2 it turns 16 kHz audio into a frame
 * every 20 ms (320 samples), 49 frames for one second.
 */
final class ConvFeatureEncoder {
  private ConvFeatureEncoder() {
  }

  /** The number of frames the encoder makes of {@code samples} samples. */
  static long frames(long samples, List<Integer> kernels, List<Integer> strides) {
    long length = samples;
    for (int i = 0; i < kernels.size(); i++) {
      length = (length - kernels.get(i)) / strides.get(i) + 1;
    }
    return length;
  }

  /** Waveforms {@code [batch, samples]} to features {@code [batch, frames, channels]}. */
  static Operand<TFloat32> apply(Net net, Operand<TFloat32> waveform, long channels, List<Integer> kernels,
      List<Integer> strides) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(waveform);
    // a 1-D convolution is a 2-D one over an image of height 1: [batch, 1, samples, channels]
    Operand<TFloat32> x = Layers.reshape(tf, waveform, dims[0], 1, dims[1], 1);
    for (int layer = 0; layer < kernels.size(); layer++) {
      Net place = net.part("conv_" + layer);
      long in = Layers.width(x);
      Operand<TFloat32> kernel = place.weight("kernel", Init.normal(Layers.INIT_STDDEV), 1, kernels.get(layer), in, channels);
      x = tf.nn.conv2d(x, kernel, List.of(1L, 1L, (long) strides.get(layer), 1L), "VALID");
      if (layer == 0) {
        x = channelNorm(place, x);
      }
      x = Layers.gelu(tf, x);
    }
    long[] out = Layers.dims(x);
    return Layers.reshape(tf, x, out[0], out[2], out[3]);
  }

  /** Group normalisation with one group per channel: each channel normalised over time. */
  private static Operand<TFloat32> channelNorm(Net net, Operand<TFloat32> x) {
    Net place = net.in(Component.NORM);
    Ops tf = place.tf();
    Operand<TInt32> time = tf.constant(new int[] {1, 2});
    Operand<TFloat32> mean = tf.math.mean(x, time, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), time, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> normalized = tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-5f))));
    long channels = Layers.width(x);
    return tf.math.add(tf.math.mul(normalized, place.weight("gamma", Init.ones(), channels)),
        place.weight("beta", Init.zeros(), channels));
  }
}
