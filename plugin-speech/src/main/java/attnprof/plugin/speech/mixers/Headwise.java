package attnprof.plugin.speech.mixers;

import attnprof.api.nn.Activation;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * Dense layers applied head by head, as SpeechBrain's {@code ParallelLinear} (SummaryMixing's
 * {@code VanillaNN} with {@code n_split}) and {@code ParallelMLPs} (HyperMixing): the width is cut
 * into {@code heads} equal slices, and each slice has a kernel {@code [in/heads, out/heads]} and a
 * bias of its own, a block-diagonal layer costing a {@code heads}-th of a full one. Between layers
 * the tensors stay head-major, {@code [heads, rows, width per head]}.
 */
final class Headwise {
  private Headwise() {
  }

  /** {@code [batch, frames, width]} to {@code [heads, batch * frames, width / heads]}. */
  static Operand<TFloat32> split(Ops tf, Operand<TFloat32> x, long heads) {
    long[] dims = Layers.dims(x);
    if (dims[2] % heads != 0) {
      throw new IllegalArgumentException("width " + dims[2] + " is not a multiple of " + heads + " heads");
    }
    Operand<TFloat32> rows = Layers.reshape(tf, x, dims[0] * dims[1], dims[2]);
    if (heads == 1) {
      return Layers.reshape(tf, rows, 1, dims[0] * dims[1], dims[2]);
    }
    List<Operand<TFloat32>> slices = new ArrayList<>();
    tf.split(tf.constant(1), rows, heads).forEach(slices::add);
    return tf.stack(slices, Stack.axis(0L));
  }

  /** {@code [heads, batch * frames, size]} back to {@code [batch, frames, heads * size]}, heads side by side. */
  static Operand<TFloat32> merge(Ops tf, Operand<TFloat32> x, long batch, long frames) {
    long[] dims = Layers.dims(x);
    if (dims[0] == 1) {
      return Layers.reshape(tf, x, batch, frames, dims[2]);
    }
    List<Operand<TFloat32>> heads = new ArrayList<>();
    tf.unstack(x, dims[0], Unstack.axis(0L)).forEach(heads::add);
    return Layers.reshape(tf, tf.concat(heads, tf.constant(1)), batch, frames, dims[0] * dims[2]);
  }

  /**
   * One dense layer per head on {@code [heads, rows, in]}: weights {@code kernel}
   * {@code [heads, in, out]} and {@code bias} {@code [heads, out]}; returns {@code [heads, rows, out]}.
   */
  static Operand<TFloat32> dense(Net net, Operand<TFloat32> x, long outPerHead) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    Operand<TFloat32> kernel = net.weight("kernel", Init.normal(Layers.INIT_STDDEV), dims[0], dims[2], outPerHead);
    Operand<TFloat32> bias = net.weight("bias", Init.zeros(), dims[0], outPerHead);
    return tf.math.add(Layers.batchMatMul(tf, x, kernel, false), Layers.reshape(tf, bias, dims[0], 1, outPerHead));
  }

  /**
   * An MLP per head, {@code [heads, rows, in]} through {@code widths} (total widths, each a
   * multiple of the heads), the activation after every layer: parts {@code name_1}, {@code name_2}...
   */
  static Operand<TFloat32> mlp(Net net, String name, Operand<TFloat32> x, long heads, Activation activation,
      long... widths) {
    Operand<TFloat32> hidden = x;
    for (int i = 0; i < widths.length; i++) {
      if (widths[i] % heads != 0) {
        throw new IllegalArgumentException("width " + widths[i] + " is not a multiple of " + heads + " heads");
      }
      hidden = activation.apply(net.tf(), dense(net.part(name + "_" + (i + 1)), hidden, widths[i] / heads));
    }
    return hidden;
  }
}
