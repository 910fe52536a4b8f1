package attnprof.plugin.speech.streaming;

import attnprof.plugin.speech.brq.RelativePositionAttention;
import attnprof.api.nn.Net;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A token mixer of the streaming Conformer: it mixes frames as a {@link TimeView} lets them see each other. */
public interface StreamingMixer {
  /** Mixes {@code x} ({@code [batch, frames, width]}) into frames of the same shape. */
  Operand<TFloat32> mix(Net net, Operand<TFloat32> x, TimeView view);

  /**
   * RelPosMHAXL, the recipe's attention: over the frames the view lets each frame see; with {@code chunks} (nullable)
   * a query chunk at a time.
   */
  static StreamingMixer attention(long heads, attnprof.api.nn.ChunkedAttention chunks) {
    return (net, x, view) -> RelativePositionAttention.attend(net, x, heads, chunks, (k, v) -> view.keys(net, k, v));
  }
}
