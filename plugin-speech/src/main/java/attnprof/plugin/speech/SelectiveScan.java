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
 * cumulative decay, h_t = exp(S_t) (h_start + Σ_{s≤t} exp(-S_s) Δ_s u_s B_s) by two running sums;
 * the chunks' start states are chained one chunk after another in the graph. Chunks of 32 keep
 * exp(-S) within float range for the step sizes Mamba initialises (Δ ≤ 0.1, |A| ≤ 16: |S| ≤ 51,
 * exp(51) ≈ 1e22) while keeping the chain short: at 60 s (3000 frames) chunks of 8 made a graph whose
 * first training step took a minute, chunks of 32 take a third of that for a step about as fast.
 */
final class SelectiveScan {
  static final int CHUNK = 32;

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
    Operand<TFloat32> decay = tf.math.exp(
        cumulativeSumInChunks(tf, chunked(tf, decayRate, batch, chunks, channels, state)));
    // h_t = exp(S_t) (h_start + inner_t), inner_t = Σ_{s≤t} exp(-S_s) Δ_s u_s B_s
    Operand<TFloat32> inner = cumulativeSumInChunks(tf,
        tf.math.div(chunked(tf, feed, batch, chunks, channels, state), decay));
    List<Operand<TFloat32>> starts = chainChunks(tf, inner, decay, batch, chunks, channels, state);
    Operand<TFloat32> start = tf.expandDims(tf.stack(starts, org.tensorflow.op.core.Stack.axis(1L)), tf.constant(2));
    Operand<TFloat32> h = tf.math.mul(decay, tf.math.add(inner, start));
    // y_t = h_t C_t as a product over the state: [.., channels, state] x [.., state, 1]
    Operand<TFloat32> output = chunked(tf, c, batch, chunks, state, 1);
    Operand<TFloat32> y = Layers.batchMatMul(tf, h, output, false);
    Operand<TFloat32> flat = Layers.reshape(tf, y, batch, chunks * CHUNK, channels);
    return padding == 0 ? flat : Layers.sliceAxis(tf, flat, 1, 0, frames);
  }

  /** The state at the start of every chunk: the previous chunk's start and feed, decayed through it. */
  private static List<Operand<TFloat32>> chainChunks(Ops tf, Operand<TFloat32> inner, Operand<TFloat32> decay,
      long batch, long chunks, long channels, long state) {
    List<org.tensorflow.Output<TFloat32>> innerEnds = lastOfEachChunk(tf, inner, batch, chunks, channels, state);
    List<org.tensorflow.Output<TFloat32>> decayEnds = lastOfEachChunk(tf, decay, batch, chunks, channels, state);
    List<Operand<TFloat32>> starts = new ArrayList<>();
    Operand<TFloat32> current = tf.fill(Layers.ints(tf, batch, channels, state), tf.constant(0f));
    for (int chunk = 0; chunk < chunks; chunk++) {
      starts.add(current);
      current = tf.math.mul(decayEnds.get(chunk), tf.math.add(innerEnds.get(chunk), current));
    }
    return starts;
  }

  private static List<org.tensorflow.Output<TFloat32>> lastOfEachChunk(Ops tf, Operand<TFloat32> x, long batch,
      long chunks, long channels, long state) {
    Operand<TFloat32> last = Layers.reshape(tf, Layers.sliceAxis(tf, x, 2, CHUNK - 1, CHUNK), batch, chunks, channels, state);
    return tf.unstack(last, chunks, org.tensorflow.op.core.Unstack.axis(1L)).output();
  }

  /**
   * The running sum over the frames of each chunk of {@code [batch, chunks, CHUNK, channels, state]},
   * as a product with a lower-triangular matrix of ones: TensorFlow's CPU Cumsum along a middle axis
   * took three quarters of a Mamba step, a small matrix product takes a fraction of it.
   */
  static Operand<TFloat32> cumulativeSumInChunks(Ops tf, Operand<TFloat32> x) {
    long[] dims = Layers.dims(x);
    float[][] lower = new float[CHUNK][CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      for (int j = 0; j <= i; j++) {
        lower[i][j] = 1f;
      }
    }
    Operand<TFloat32> rows = Layers.reshape(tf, x, dims[0] * dims[1], CHUNK, dims[3] * dims[4]);
    return Layers.reshape(tf, Layers.batchMatMul(tf, tf.constant(lower), rows, false), dims);
  }

  private static Operand<TFloat32> chunked(Ops tf, Operand<TFloat32> x, long batch, long chunks, long channels,
      long state) {
    return Layers.reshape(tf, x, batch, chunks, CHUNK, channels, state);
  }
}
