package attnprof.plugin.speech.mixers;

import attnprof.api.nn.Layers;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * Mamba's selective scan, h_t = exp(Δ_t A) ⊙ h_{t-1} + Δ_t u_t B_t and y_t = h_t C_t, without a loop
 * op (TensorFlow has no gradient for While), in time and memory linear in length.
 *
 * <p>The frames are cut into chunks of {@link #CHUNK}, and every tensor is laid out slot-major,
 * {@code [slot in chunk, chunk, batch, ...]}, so that one slot of every chunk is a contiguous slice.
 * With S_t the running sum of Δ over the chunk, measured from the chunk's middle slot (the stable
 * rescaling: exponents stay within half a chunk's decay), h_t = exp(S_t A) (h'_start + Σ_{s≤t}
 * exp(-S_s A) Δ_s u_s B_s), where h'_start is the chunk's start state carried to the middle. Two
 * {@code [frames, channels, state]} tensors are made, as {@code selective_scan_ref} makes deltaA and
 * deltaB_u: the decays exp(S A) and the rescaled inputs F = Δ u B exp(-S A). The chunks' start states
 * are chained one chunk after another from each chunk's sum of F; then one running sum over the
 * slots, seeded with the start states, gives every state, and y. About 9 FLOPs per element of
 * {@code [frames, channels, state]}, against about 7 for the step-by-step recurrence.
 *
 * <p>Chunks of 32 keep the exponents within float range for the step sizes Mamba initialises
 * (Δ ≤ 0.1, |A| ≤ 16: |S A| ≤ 16 x 0.1 x 16 = 26, e^26 ≈ 2e11) and more than three times larger ones,
 * while keeping the chain of chunks short.
 */
public final class SelectiveScan {
  public static final int CHUNK = 32;

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
    Layout layout = new Layout(tf, batch, frames, chunks);

    // padded frames have Δ = 0 and u = 0: they neither decay nor feed the state
    List<Operand<TFloat32>> steps = layout.slots(delta);
    List<Operand<TFloat32>> outputs = layout.slots(c);
    Operand<TFloat32> sums = runningSums(tf, steps);
    Operand<TFloat32> middle = Layers.sliceAxis(tf, sums, 0, CHUNK / 2 - 1, CHUNK / 2);
    // the stable rescaling: sums measured from the middle slot's
    Operand<TFloat32> decaySums = tf.math.sub(sums, middle);
    // [slot, chunk, batch, channels, 1] x [channels, state]: the decays and the rescaled inputs
    Operand<TFloat32> exponents = tf.math.mul(tf.expandDims(decaySums, tf.constant(-1)), a);
    Operand<TFloat32> decay = tf.math.exp(exponents);
    Operand<TFloat32> inputsBySlot = tf.expandDims(layout.slotMajor(tf.math.mul(delta, u)), tf.constant(-1));
    Operand<TFloat32> projections = tf.expandDims(layout.slotMajor(b), tf.constant(3));
    Operand<TFloat32> rescaled = tf.math.div(tf.math.mul(inputsBySlot, projections), decay);

    // each chunk's start state, carried to its middle slot's reference
    Operand<TFloat32> chunkFeeds = tf.sum(rescaled, tf.constant(0));
    Operand<TFloat32> lastDecay = Layers.reshape(tf, Layers.sliceAxis(tf, decay, 0, CHUNK - 1, CHUNK),
        chunks, batch, channels, state);
    // a start state decays through the first half of its chunk to reach the middle slot's reference
    Operand<TFloat32> toMiddle = tf.math.exp(tf.math.mul(
        Layers.reshape(tf, middle, chunks, batch, channels, 1), a));
    Operand<TFloat32> starts = chainChunks(tf, chunkFeeds, lastDecay, toMiddle, chunks, batch, channels, state);

    // one running sum over the slots, seeded with the start states, then y per slot
    List<Operand<TFloat32>> decays = split(tf, decay, chunks, batch, channels, state);
    List<Operand<TFloat32>> feeds = split(tf, rescaled, chunks, batch, channels, state);
    List<Operand<TFloat32>> ys = new ArrayList<>();
    Operand<TFloat32> running = starts;
    for (int slot = 0; slot < CHUNK; slot++) {
      running = tf.math.add(running, feeds.get(slot));
      Operand<TFloat32> h = tf.math.mul(decays.get(slot), running);
      // [chunk, batch, channels, state] x [chunk, batch, state, 1]
      Operand<TFloat32> readout = Layers.reshape(tf, outputs.get(slot), chunks, batch, state, 1);
      ys.add(Layers.reshape(tf, Layers.batchMatMul(tf, h, readout, false), chunks, batch, channels));
    }
    return layout.frameMajor(tf.stack(ys, Stack.axis(0L)), channels);
  }

  /**
   * The start states of all chunks {@code [chunk, batch, channels, state]}, each in its chunk's
   * middle-slot reference: h'_start(c) = exp(P_middle A) h_start(c), with P the running sum of Δ
   * from the chunk's start; and the state after chunk c, h_start(c+1) = decay_last(c) (h'_start(c) +
   * Σ F(c)).
   */
  private static Operand<TFloat32> chainChunks(Ops tf, Operand<TFloat32> chunkFeeds, Operand<TFloat32> lastDecay,
      Operand<TFloat32> toMiddle, long chunks, long batch, long channels, long state) {
    List<Operand<TFloat32>> feeds = unstack(tf, chunkFeeds, chunks);
    List<Operand<TFloat32>> lasts = unstack(tf, lastDecay, chunks);
    List<Operand<TFloat32>> firsts = unstack(tf, toMiddle, chunks);
    List<Operand<TFloat32>> starts = new ArrayList<>();
    Operand<TFloat32> carried = tf.fill(Layers.ints(tf, batch, channels, state), tf.constant(0f));
    for (int chunk = 0; chunk < chunks; chunk++) {
      starts.add(carried);
      if (chunk + 1 < chunks) {
        Operand<TFloat32> end = tf.math.mul(lasts.get(chunk), tf.math.add(carried, feeds.get(chunk)));
        carried = tf.math.mul(firsts.get(chunk + 1), end);
      }
    }
    return tf.stack(starts, Stack.axis(0L));
  }

  /** Running sums over the slots of {@code [chunk, batch, channels]} slices, stacked: P_t = Σ_{s≤t} x_s. */
  private static Operand<TFloat32> runningSums(Ops tf, List<Operand<TFloat32>> slots) {
    List<Operand<TFloat32>> sums = new ArrayList<>();
    Operand<TFloat32> running = null;
    for (Operand<TFloat32> slot : slots) {
      running = running == null ? slot : tf.math.add(running, slot);
      sums.add(running);
    }
    return tf.stack(sums, Stack.axis(0L));
  }

  /** {@code [slot, chunk, batch, channels, state]} as one {@code [chunk, batch, channels, state]} slice per slot. */
  private static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> x, long chunks, long batch, long channels,
      long state) {
    List<Operand<TFloat32>> slots = new ArrayList<>();
    // a split along the first axis hands out slices of the buffer, without copying
    for (Operand<TFloat32> slot : tf.split(tf.constant(0), x, (long) CHUNK)) {
      slots.add(Layers.reshape(tf, slot, chunks, batch, channels, state));
    }
    return slots;
  }

  private static List<Operand<TFloat32>> unstack(Ops tf, Operand<TFloat32> x, long count) {
    List<Operand<TFloat32>> parts = new ArrayList<>();
    tf.unstack(x, count, org.tensorflow.op.core.Unstack.axis(0L)).forEach(parts::add);
    return parts;
  }

  /** The slot-major layout of {@code [batch, frames, width]} tensors, padded to whole chunks. */
  private record Layout(Ops tf, long batch, long frames, long chunks) {

    /** {@code [batch, frames, width]} to {@code [slot, chunk, batch, width]}. */
    Operand<TFloat32> slotMajor(Operand<TFloat32> x) {
      long width = Layers.width(x);
      Operand<TFloat32> padded = Layers.padAxis(tf, x, 1, 0, chunks * CHUNK - frames);
      Operand<TFloat32> chunked = Layers.reshape(tf, padded, batch, chunks, CHUNK, width);
      return tf.linalg.transpose(chunked, tf.constant(new int[] {2, 1, 0, 3}));
    }

    /** {@code [batch, frames, width]} as one {@code [chunk, batch, width]} slice per slot. */
    List<Operand<TFloat32>> slots(Operand<TFloat32> x) {
      List<Operand<TFloat32>> slots = new ArrayList<>();
      long width = Layers.width(x);
      for (Operand<TFloat32> slot : tf.split(tf.constant(0), slotMajor(x), (long) CHUNK)) {
        slots.add(Layers.reshape(tf, slot, chunks, batch, width));
      }
      return slots;
    }

    /** {@code [slot, chunk, batch, width]} back to {@code [batch, frames, width]}, padding dropped. */
    Operand<TFloat32> frameMajor(Operand<TFloat32> x, long width) {
      Operand<TFloat32> chunked = tf.linalg.transpose(x, tf.constant(new int[] {2, 1, 0, 3}));
      Operand<TFloat32> flat = Layers.reshape(tf, chunked, batch, chunks * CHUNK, width);
      return chunks * CHUNK == frames ? flat : Layers.sliceAxis(tf, flat, 1, 0, frames);
    }
  }
}
