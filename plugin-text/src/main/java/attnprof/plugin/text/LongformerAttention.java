package attnprof.plugin.text;

import attnprof.api.nn.BandedAttention;
import attnprof.api.nn.Heads;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Longformer's attention (Beltagy, Peters, Cohan 2020): sliding-window attention of
 * {@code oneSidedWindow} tokens each side, computed blockwise (see {@link BandedAttention}), plus
 * global attention on the first {@code globalTokens} tokens. Every token also attends to the global
 * tokens (their keys join its softmax, and they leave its window so that none is counted twice);
 * the global tokens attend to every token through projections of their own ({@code query_global},
 * {@code key_global}, {@code value_global}).
 */
record LongformerAttention(long heads, long oneSidedWindow, long globalTokens) implements TokenMixer {
  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    Heads.QueryKeyValue qkv = Heads.queryKeyValue(net, x.values(), heads);
    Operand<TFloat32> q = qkv.query();
    Operand<TFloat32> k = qkv.key();
    Operand<TFloat32> v = qkv.value();
    long global = Math.min(globalTokens, x.valid());
    BandedAttention band = new BandedAttention(x.length(), x.valid(), oneSidedWindow, global);
    Operand<TFloat32> context;
    if (global == 0) {
      context = band.attend(net, q, k, v);
    } else {
      // every token's softmax spans its window and the global tokens' keys
      context = band.attendWithLeadingKeys(net, q, k, v, global);
      context = withGlobalRows(net, x, context, global);
    }
    return Heads.output(net, context, Layers.width(x.values()));
  }

  /** Replaces the global tokens' rows with their attention to every token, by their own projections. */
  private Operand<TFloat32> withGlobalRows(Net net, Sequence x, Operand<TFloat32> context, long global) {
    Ops tf = net.tf();
    Operand<TFloat32> globalInputs = Layers.sliceAxis(tf, x.values(), 1, 0, global);
    Operand<TFloat32> q = Heads.project(net, "query_global", globalInputs, heads);
    Operand<TFloat32> k = Heads.project(net, "key_global", x.values(), heads);
    Operand<TFloat32> v = Heads.project(net, "value_global", x.values(), heads);
    // added even when no key is padding, as the reference adds its attention mask: the cost of a step does
    // not depend on how much of the window is padding
    Operand<TFloat32> bias = MultiHeadAttention.keyPaddingBias(tf, x.length(), x.valid());
    Operand<TFloat32> rows = MultiHeadAttention.attend(tf, q, k, v, bias);
    Operand<TFloat32> rest = Layers.sliceAxis(tf, context, 2, global, x.length());
    return tf.concat(List.of(rows, rest), tf.constant(2));
  }
}
