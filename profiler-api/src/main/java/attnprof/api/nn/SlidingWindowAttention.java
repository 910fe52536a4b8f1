package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Multi-head self-attention restricted to a sliding window (local attention): every token attends
 * to the tokens at most {@code oneSidedWindow} positions away, computed blockwise in time and
 * memory linear in the number of tokens (see {@link BandedAttention}). Projections as in
 * {@link MultiHeadAttention}, so with a window that covers the sequence it computes the same
 * function on the same weights.
 *
 * @since API 1
 */
public record SlidingWindowAttention(long heads, long oneSidedWindow) implements TokenMixer {
  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    Heads.QueryKeyValue qkv = Heads.queryKeyValue(net, x.values(), heads);
    BandedAttention band = new BandedAttention(x.length(), x.valid(), oneSidedWindow, 0);
    Operand<TFloat32> context = band.attend(net, qkv.query(), qkv.key(), qkv.value());
    return Heads.output(net, context, Layers.width(x.values()));
  }
}
