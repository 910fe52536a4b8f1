package attnprof.plugin.speech.mixers;

import attnprof.plugin.speech.streaming.StreamingMixer;
import attnprof.plugin.speech.streaming.TimeView;
import attnprof.api.nn.Activation;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SummaryMixing as the streaming recipe configures it ({@code mode: SummaryMixing-fast} in
 * {@code speechbrain/nnet/summary_mixing.py}): one layer {@code global_proj} to twice {@code localOut}
 * with the activation, split into the local branch f(x_t) and the summary branch s(x_t); the summary is
 * the mean of s over the frames each frame sees ({@link TimeView#summary}: the whole utterance, the
 * chunk mask, or a stream's running sum); the merge {@code summary_local_merging} is a layer from both
 * back to the width with the activation. The recipe's {@code local_proj_hid_dim} and
 * {@code summary_hid_dim} are not used by this mode.
 *
 * @param localOut the width of each branch ({@code local_proj_out_dim})
 * @param activation after both layers
 */
public record FastSummaryMixing(long localOut, Activation activation) implements StreamingMixer {
  @Override
  public Operand<TFloat32> mix(Net net, Operand<TFloat32> x, TimeView view) {
    Ops tf = net.tf();
    long width = Layers.dims(x)[2];
    Operand<TFloat32> both = activation.apply(tf, Layers.dense(net.part("global_proj"), x, 2 * localOut));
    Operand<TFloat32> local = Layers.sliceAxis(tf, both, 2, 0, localOut);
    Operand<TFloat32> summary = view.summary(net, Layers.sliceAxis(tf, both, 2, localOut, 2 * localOut));
    return activation.apply(tf, Layers.dense(net.part("summary_local_merging"),
        tf.concat(List.of(local, summary), tf.constant(2)), width));
  }
}
