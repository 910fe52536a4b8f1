package attnprof.plugin.speech.streaming;

import attnprof.plugin.speech.brq.RelativePositionAttention;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One chunk of a live stream ({@link TimeView}): the chunk's frames, and what the chunks before it left in
 * the {@link StreamState}. Attention keeps the keys and values of the left context's frames (its cost grows
 * with the left context); SummaryMixing keeps a running sum and count (with a limited left context, the sum
 * of each chunk in it, to drop the oldest); the convolution module keeps the frames its kernel reaches back
 * to. At the start of a stream the state is empty and the keys not filled yet are ruled out.
 *
 * @param state the stream's state
 * @param chunkFrames frames per chunk
 * @param leftChunks chunks of left context, or {@link #UNLIMITED}
 * @param cacheChunks the chunks of keys and values attention keeps: {@code leftChunks}, or with an unlimited
 *     left context as many as the stream will have before its last chunk
 */
record StreamingChunk(StreamState state, long chunkFrames, long leftChunks, long cacheChunks) implements TimeView {
  /** A left context of every chunk before. */
  static final long UNLIMITED = -1;
  /** The frames already seen by a stream that has run long enough to fill any left context. */
  static final float STEADY = 1e9f;

  @Override
  public RelativePositionAttention.Keys keys(Net net, Operand<TFloat32> keys, Operand<TFloat32> values) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(keys);
    long cached = cacheChunks * chunkFrames;
    if (leftChunks == UNLIMITED && cached == 0) {
      throw attnprof.api.ProfilerException.user("attention keeps every frame before the chunk with an unlimited "
          + "left context: its cost per chunk grows with the stream, so it has no steady state to measure");
    }
    if (cached == 0) {
      return new RelativePositionAttention.Keys(keys, values, null);
    }
    Operand<TFloat32> allKeys = remembered(net, "cache_keys", keys, dims, cached);
    Operand<TFloat32> allValues = remembered(net, "cache_values", values, dims, cached);
    // the cache's slot s holds frame s - cached before the chunk: ruled out until the stream has seen it
    Operand<TFloat32> slots = net.shared("cache-slots/" + cached + "/" + dims[2], t -> t.constant(slots(cached,
        dims[2])));
    Operand<TFloat32> unfilled = tf.dtypes.cast(tf.math.less(slots, tf.math.sub(tf.constant((float) cached),
        seen(net))), TFloat32.class);
    Operand<TFloat32> bias = Layers.reshape(tf, tf.math.mul(unfilled, tf.constant(RULED_OUT)), 1, 1, 1,
        cached + dims[2]);
    return new RelativePositionAttention.Keys(allKeys, allValues, attnprof.api.nn.ChunkedAttention.Bias.everyRow(bias));
  }

  /** The cached frames before {@code fresh} ({@code [batch, heads, frames, size]}), the cache moved on. */
  private Operand<TFloat32> remembered(Net net, String name, Operand<TFloat32> fresh, long[] dims, long cached) {
    Ops tf = net.tf();
    long size = (long) dims[0] * dims[1] * cached * dims[3];
    StreamState.Held cache = state.hold(tf, name, new float[(int) size], new float[(int) size],
        dims[0], dims[1], cached, dims[3]);
    Operand<TFloat32> all = tf.concat(List.of(cache.now(), fresh), tf.constant(2));
    cache.update(Layers.sliceAxis(tf, all, 2, dims[2], dims[2] + cached));
    return all;
  }

  @Override
  public Operand<TFloat32> summary(Net net, Operand<TFloat32> perFrame) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(perFrame);
    long batch = dims[0];
    long width = dims[2];
    Operand<TFloat32> chunkSum = tf.sum(perFrame, tf.constant(1));
    Operand<TFloat32> total;
    Operand<TFloat32> count;
    if (leftChunks == UNLIMITED) {
      StreamState.Held sum = state.hold(tf, "running_sum", new float[(int) (batch * width)],
          new float[(int) (batch * width)], batch, width);
      StreamState.Held seen = state.hold(tf, "running_count", new float[] {chunkFrames}, new float[1], 1);
      total = tf.math.add(sum.now(), chunkSum);
      count = tf.math.add(seen.now(), tf.constant((float) dims[1]));
      sum.update(total);
      seen.update(count);
    } else {
      // a sum per chunk of the left context, oldest first, and the frames each summed
      StreamState.Held ring = state.hold(tf, "chunk_sums", new float[(int) (batch * leftChunks * width)],
          new float[(int) (batch * leftChunks * width)], batch, leftChunks, width);
      float[] full = new float[(int) leftChunks];
      java.util.Arrays.fill(full, chunkFrames);
      StreamState.Held counts = state.hold(tf, "chunk_counts", full, new float[(int) leftChunks],
          leftChunks);
      total = tf.math.add(tf.sum(ring.now(), tf.constant(1)), chunkSum);
      count = tf.math.add(tf.sum(counts.now(), tf.constant(0), org.tensorflow.op.core.Sum.keepDims(true)),
          tf.constant((float) dims[1]));
      Operand<TFloat32> newest = Layers.reshape(tf, chunkSum, batch, 1, width);
      ring.update(Layers.sliceAxis(tf, tf.concat(List.of(ring.now(), newest), tf.constant(1)), 1, 1, leftChunks + 1));
      counts.update(Layers.sliceAxis(tf, tf.concat(List.of(counts.now(), tf.constant(new float[] {dims[1]})),
          tf.constant(0)), 0, 1, leftChunks + 1));
    }
    Operand<TFloat32> mean = Layers.reshape(tf, tf.math.div(total, count), batch, 1, width);
    return tf.broadcastTo(mean, Layers.ints(tf, dims));
  }

  @Override
  public Operand<TFloat32> withPast(Net net, Operand<TFloat32> x, long frames) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    long size = dims[0] * frames * dims[2];
    StreamState.Held past = state.hold(tf, "past_frames", new float[(int) size], new float[(int) size],
        dims[0], frames, dims[2]);
    Operand<TFloat32> all = tf.concat(List.of(past.now(), x), tf.constant(1));
    past.update(Layers.sliceAxis(tf, all, 1, dims[1], dims[1] + frames));
    return all;
  }

  /** The frames the stream has seen before this chunk, shared by every layer; moved on by the chunk. */
  private Operand<TFloat32> seen(Net net) {
    return net.shared("stream-seen", tf -> {
      StreamState.Held seen = state.hold(tf, "seen_frames", new float[] {STEADY}, new float[1], 1);
      seen.update(tf.math.add(seen.now(), tf.constant((float) chunkFrames)));
      return seen.now();
    });
  }

  /** Slot indices: the cache's, then the chunk's own (never ruled out). */
  private static float[] slots(long cached, long frames) {
    float[] slots = new float[(int) (cached + frames)];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = i;
    }
    return slots;
  }
}
