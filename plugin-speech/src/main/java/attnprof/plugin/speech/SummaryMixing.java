package attnprof.plugin.speech;

import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SummaryMixing (Parcollet, van Dalen, Zhang, Bhattacharya, Interspeech 2024), linear in length:
 * a local branch f(x_t) = GELU(W_f x_t + b_f) per frame, a summary s̄ = mean over the real frames of
 * GELU(W_s x_t + b_s), and the output h_t = GELU(W_c [f(x_t); s̄] + b_c). Weights are parts
 * {@code local}, {@code summary} and {@code merge}.
 */
final class SummaryMixing implements TokenMixer {
  private final long localWidth;
  private final long summaryWidth;

  SummaryMixing(long localWidth, long summaryWidth) {
    this.localWidth = localWidth;
    this.summaryWidth = summaryWidth;
  }

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x.values());
    Operand<TFloat32> local = Layers.gelu(tf, Layers.dense(net.part("local"), x.values(), localWidth));
    Operand<TFloat32> perFrame = Layers.gelu(tf, Layers.dense(net.part("summary"), x.values(), summaryWidth));
    Operand<TFloat32> real = x.padded() ? Layers.sliceAxis(tf, perFrame, 1, 0, x.valid()) : perFrame;
    Operand<TFloat32> summary = tf.math.mean(real, tf.constant(1), org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> everywhere = tf.broadcastTo(summary, Layers.ints(tf, dims[0], dims[1], summaryWidth));
    Operand<TFloat32> both = tf.concat(List.of(local, everywhere), tf.constant(2));
    return Layers.gelu(tf, Layers.dense(net.part("merge"), both, dims[2]));
  }
}
