package attnprof.plugin.speech.mixers;

import attnprof.api.nn.Activation;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SummaryMixing (Parcollet, van Dalen, Zhang, Bhattacharya, Interspeech 2024), linear in length, as
 * {@code speechbrain/nnet/summary_mixing.py} in SamsungLabs/SummaryMixing builds it: a local branch
 * f(x_t), an MLP applied per head ({@link Headwise}: block-diagonal layers, the activation after each) to
 * {@code localHidden} then {@code localOut}; a summary branch s(x_t), likewise per head to
 * {@code summaryHidden} then the model width, averaged over the real frames; and the merge
 * h_t = act(W_c [f(x_t); mean s] + b_c), one full-width layer back to the model width. The
 * activation is GELU in HuBERT's body; SpeechBrain's Conformer hands the mixer its own, Swish. Weights are
 * parts {@code local_1}, {@code local_2}, {@code summary_1}, {@code summary_2} and {@code merge}.
 *
 * @param heads the heads the branches are split into ({@code nhead})
 * @param localHidden the local branch's hidden width ({@code local_proj_hid_dim})
 * @param localOut the local branch's output width ({@code local_proj_out_dim})
 * @param summaryHidden the summary branch's hidden width ({@code summary_hid_dim})
 * @param activation the activation after every layer
 */
public record SummaryMixing(long heads, long localHidden, long localOut, long summaryHidden, Activation activation)
    implements TokenMixer {

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x.values());
    Operand<TFloat32> perHead = Headwise.split(tf, x.values(), heads);
    Operand<TFloat32> local = Headwise.merge(tf,
        Headwise.mlp(net, "local", perHead, heads, activation, localHidden, localOut), dims[0], dims[1]);
    Operand<TFloat32> perFrame = Headwise.merge(tf,
        Headwise.mlp(net, "summary", perHead, heads, activation, summaryHidden, dims[2]), dims[0], dims[1]);
    Operand<TFloat32> real = x.padded() ? Layers.sliceAxis(tf, perFrame, 1, 0, x.valid()) : perFrame;
    Operand<TFloat32> summary = tf.math.mean(real, tf.constant(1), org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> everywhere = tf.broadcastTo(summary, Layers.ints(tf, dims[0], dims[1], dims[2]));
    Operand<TFloat32> both = tf.concat(List.of(local, everywhere), tf.constant(2));
    return activation.apply(tf, Layers.dense(net.part("merge"), both, dims[2]));
  }
}
