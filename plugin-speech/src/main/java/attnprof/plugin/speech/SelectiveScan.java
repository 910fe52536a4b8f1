package attnprof.plugin.speech;

import attnprof.api.nn.Layers;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Mamba's selective scan, h_t = exp(Δ_t A) ⊙ h_{t-1} + Δ_t u_t B_t and y_t = h_t C_t, computed in
 * time and memory linear in length without a loop op (TensorFlow has no gradient for While): the
 * frames are cut into chunks of {@link #CHUNK}; inside a chunk, with S_t = Σ_{s≤t} Δ_s A the
 * cumulative decay, h_t = exp(S_t) (h_start + Σ_{s≤t} exp(-S_s) Δ_s u_s B_s) by two cumulative sums;
 * the chunks' start states are chained one chunk after another in the graph. Short chunks keep
 * exp(-S) within float range for the step sizes Mamba initialises (Δ ≤ 0.1, |A| ≤ state size).
 */
final class SelectiveScan {
  static final int CHUNK = 8;

  private SelectiveScan() {
  }

  /**
   * @param u inputs {@code [batch, frames, channels]}
   * @param delta step sizes, positive, the same shape
   * @param a the state matrix {@code [channels, state]}, negative
   * @param b input projections {@code [batch, frames, state]}
   * @param c output projections {@code [batch, frames, state]}
   * @return y {@code [batch, frames, channels]}
   */
  static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> u, Operand<TFloat32> delta, Operand<TFloat32> a,
      Operand<TFloat32> b, Operand<TFloat32> c) {
    long[] dims = Layers.dims(u);
    long batch = dims[0];
    long frames = dims[1];
    long channels = dims[2];
    long state = Layers.dims(a)[1];
    long chunks = (frames + CHUNK - 1) / CHUNK;
    long padding = chunks * CHUNK - frames;
    // padded frames have Δ = 0 and u = 0: they neither decay nor feed the state
    u = Layers.padAxis(tf, u, 1, 0, padding);
    delta = Layers.padAxis(tf, delta, 1, 0, padding);
    b = Layers.padAxis(tf, b, 1, 0, padding);
    c = Layers.padAxis(tf, c, 1, 0, padding);

    Operand<TFloat32> decayRate = tf.math.mul(tf.expandDims(delta, tf.constant(3)), a);
    Operand<TFloat32> feed = tf.math.mul(tf.expandDims(tf.math.mul(delta, u), tf.constant(3)),
        tf.expandDims(b, tf.constant(2)));
    Operand<TFloat32> s = tf.math.cumsum(chunked(tf, decayRate, batch, chunks, channels, state), tf.constant(2));
    Operand<TFloat32> decay = tf.math.exp(s);
    Operand<TFloat32> local = tf.math.mul(decay, tf.math.cumsum(
        tf.math.mul(tf.math.exp(tf.math.neg(s)), chunked(tf, feed, batch, chunks, channels, state)), tf.constant(2)));

    List<Operand<TFloat32>> starts = chainChunks(tf, local, decay, batch, chunks, channels, state);
    Operand<TFloat32> start = tf.expandDims(tf.stack(starts, org.tensorflow.op.core.Stack.axis(1L)), tf.constant(2));
    Operand<TFloat32> h = tf.math.add(local, tf.math.mul(decay, start));
    Operand<TFloat32> output = chunked(tf, c, batch, chunks, 1, state);
    Operand<TFloat32> y = tf.sum(tf.math.mul(h, output), tf.constant(4));
    Operand<TFloat32> flat = Layers.reshape(tf, y, batch, chunks * CHUNK, channels);
    return padding == 0 ? flat : Layers.sliceAxis(tf, flat, 1, 0, frames);
  }

  /** The state at the start of every chunk: the previous chunk's end, decayed and fed through it. */
  private static List<Operand<TFloat32>> chainChunks(Ops tf, Operand<TFloat32> local, Operand<TFloat32> decay,
      long batch, long chunks, long channels, long state) {
    Operand<TFloat32> ends = Layers.sliceAxis(tf, local, 2, CHUNK - 1, CHUNK);
    Operand<TFloat32> endDecays = Layers.sliceAxis(tf, decay, 2, CHUNK - 1, CHUNK);
    List<org.tensorflow.Output<TFloat32>> endList = tf.unstack(Layers.reshape(tf, ends, batch, chunks, channels, state),
        chunks, org.tensorflow.op.core.Unstack.axis(1L)).output();
    List<org.tensorflow.Output<TFloat32>> decayList = tf.unstack(
        Layers.reshape(tf, endDecays, batch, chunks, channels, state), chunks, org.tensorflow.op.core.Unstack.axis(1L)).output();
    List<Operand<TFloat32>> starts = new ArrayList<>();
    Operand<TFloat32> current = tf.fill(Layers.ints(tf, batch, channels, state), tf.constant(0f));
    for (int chunk = 0; chunk < chunks; chunk++) {
      starts.add(current);
      current = tf.math.add(tf.math.mul(decayList.get(chunk), current), endList.get(chunk));
    }
    return starts;
  }

  private static Operand<TFloat32> chunked(Ops tf, Operand<TFloat32> x, long batch, long chunks, long channels,
      long state) {
    return Layers.reshape(tf, x, batch, chunks, CHUNK, channels, state);
  }
}
