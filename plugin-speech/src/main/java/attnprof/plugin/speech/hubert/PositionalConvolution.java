package attnprof.plugin.speech.hubert;

import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.types.TFloat32;

/**
 * HuBERT's relative position embedding: a grouped 1-D convolution over the frames (kernel
 * {@code kernel}, {@code groups} groups, weight normalisation over each kernel position, padded to
 * keep the length), then GELU; its output is added to the features. The groups are separate
 * convolutions of the channel slices, which TensorFlow runs on every device.
 */
final class PositionalConvolution {
  private PositionalConvolution() {
  }

  /** Features {@code [batch, frames, width]} to their position embedding, the same shape. */
  static Operand<TFloat32> apply(Net net, Operand<TFloat32> features, int kernel, int groups) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(features);
    long width = dims[2];
    if (width % groups != 0) {
      throw new IllegalArgumentException("width " + width + " is not a multiple of " + groups + " groups");
    }
    long groupWidth = width / groups;
    Operand<TFloat32> direction = net.weight("weight_v", Init.normal(Layers.INIT_STDDEV), 1, kernel, groupWidth, width);
    Operand<TFloat32> magnitude = net.weight("weight_g", Init.ones(), kernel);
    // weight normalisation: each kernel position's slice scaled to length g
    Operand<TFloat32> norms = tf.math.sqrt(tf.sum(tf.math.square(direction), tf.constant(new int[] {0, 2, 3}),
        org.tensorflow.op.core.Sum.keepDims(true)));
    Operand<TFloat32> weight = tf.math.mul(tf.math.div(direction, norms),
        Layers.reshape(tf, magnitude, 1, kernel, 1, 1));
    Operand<TFloat32> bias = net.weight("bias", Init.zeros(), width);

    Operand<TFloat32> image = Layers.reshape(tf, features, dims[0], 1, dims[1], width);
    image = Layers.padAxis(tf, image, 2, kernel / 2, kernel / 2);
    Split<TFloat32> inputs = tf.split(tf.constant(3), image, (long) groups);
    Split<TFloat32> filters = tf.split(tf.constant(3), weight, (long) groups);
    List<Operand<TFloat32>> outputs = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      outputs.add(tf.nn.conv2d(inputs.output().get(g), filters.output().get(g), List.of(1L, 1L, 1L, 1L), "VALID"));
    }
    Operand<TFloat32> convolved = tf.concat(outputs, tf.constant(3));
    long produced = Layers.dims(convolved)[2];
    // an even kernel makes one frame too many: drop the last, as the reference implementation does
    Operand<TFloat32> same = produced == dims[1] ? convolved : Layers.sliceAxis(tf, convolved, 2, 0, dims[1]);
    Operand<TFloat32> embedded = Layers.gelu(tf, tf.math.add(same, bias));
    return Layers.reshape(tf, embedded, dims[0], dims[1], width);
  }
}
