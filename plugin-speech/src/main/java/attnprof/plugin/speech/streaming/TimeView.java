package attnprof.plugin.speech.streaming;

import attnprof.plugin.speech.brq.RelativePositionAttention;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How the layers of a streaming Conformer see time: the whole utterance at once (offline), a whole stream
 * with Dynamic Chunk Training's mask (each frame sees its chunk and a left context of chunks before it),
 * or one chunk of a live stream with the state the chunks before it left. The three are the same
 * function where they overlap: a stream fed chunk by chunk computes what the masked whole stream does.
 */
public interface TimeView {
  /** A score bias that rules a key out: far below any real score, so its weight after softmax is 0. */
  float RULED_OUT = -1e9f;

  /**
   * What the queries attend to, from their own keys and values ({@code [batch, heads, frames, size]}).
   */
  RelativePositionAttention.Keys keys(Net net, Operand<TFloat32> keys, Operand<TFloat32> values);

  /**
   * The summary each frame sees: the mean of {@code perFrame} ({@code [batch, frames, width]}) over the
   * frames it sees, {@code [batch, frames, width]}.
   */
  Operand<TFloat32> summary(Net net, Operand<TFloat32> perFrame);

  /** {@code x} ({@code [batch, frames, width]}) with the {@code frames} frames before it put in front. */
  Operand<TFloat32> withPast(Net net, Operand<TFloat32> x, long frames);

  /** Every frame sees every frame of the utterance. */
  static TimeView whole() {
    return new Masked(0, 0);
  }

  /**
   * Dynamic Chunk Training's view of a whole stream of chunks of {@code chunkFrames} frames: a frame sees
   * the frames of its own chunk and of {@code leftChunks} chunks before it ({@link StreamingChunk#UNLIMITED}:
   * every chunk before it).
   */
  static TimeView chunked(long chunkFrames, long leftChunks) {
    return new Masked(chunkFrames, leftChunks);
  }

  /** The whole utterance, unmasked ({@code chunkFrames} 0) or with the chunk mask. */
  record Masked(long chunkFrames, long leftChunks) implements TimeView {
    @Override
    public RelativePositionAttention.Keys keys(Net net, Operand<TFloat32> keys, Operand<TFloat32> values) {
      long frames = Layers.dims(keys)[2];
      if (chunkFrames == 0) {
        return new RelativePositionAttention.Keys(keys, values, null);
      }
      // a frame sees what every frame of its chunk sees: the bias of a query's rows is its chunk's row, gathered
      String name = frames + "/" + chunkFrames + "/" + leftChunks;
      Operand<TFloat32> chunkRows = net.shared("chunk-bias/" + name, tf -> tf.constant(chunkBias(frames)));
      return new RelativePositionAttention.Keys(keys, values, (tf, from, to) -> tf.gather(chunkRows,
          net.shared("chunk-of-frame/" + name + "/" + from + "/" + to, t -> t.constant(chunkOfFrame(from, to))),
          tf.constant(0)));
    }

    @Override
    public Operand<TFloat32> summary(Net net, Operand<TFloat32> perFrame) {
      Ops tf = net.tf();
      long[] dims = Layers.dims(perFrame);
      if (chunkFrames == 0) {
        Operand<TFloat32> mean = tf.math.mean(perFrame, tf.constant(1), org.tensorflow.op.math.Mean.keepDims(true));
        return tf.broadcastTo(mean, Layers.ints(tf, dims));
      }
      // each row of the mask, divided by the frames it sees, averages them
      Operand<TFloat32> averaging = net.shared("chunk-mean/" + dims[1] + "/" + chunkFrames + "/" + leftChunks,
          t -> t.constant(averaging(dims[1])));
      Operand<TFloat32> batched = tf.broadcastTo(averaging, Layers.ints(tf, dims[0], dims[1], dims[1]));
      return Layers.batchMatMul(tf, batched, perFrame, false);
    }

    @Override
    public Operand<TFloat32> withPast(Net net, Operand<TFloat32> x, long frames) {
      return Layers.padAxis(net.tf(), x, 1, frames, 0);
    }

    /** Whether frame {@code query} sees frame {@code key}. */
    boolean sees(long query, long key) {
      long chunk = query / chunkFrames;
      long keyChunk = key / chunkFrames;
      return keyChunk <= chunk && (leftChunks == StreamingChunk.UNLIMITED || keyChunk >= chunk - leftChunks);
    }

    /** Row c: the bias of a frame of chunk c on every frame. */
    private float[][] chunkBias(long frames) {
      float[][] bias = new float[(int) ((frames + chunkFrames - 1) / chunkFrames)][(int) frames];
      for (int c = 0; c < bias.length; c++) {
        for (int j = 0; j < frames; j++) {
          bias[c][j] = sees(c * chunkFrames, j) ? 0 : RULED_OUT;
        }
      }
      return bias;
    }

    private int[] chunkOfFrame(long from, long to) {
      int[] chunks = new int[(int) (to - from)];
      for (int i = 0; i < chunks.length; i++) {
        chunks[i] = (int) ((from + i) / chunkFrames);
      }
      return chunks;
    }

    private float[][] averaging(long frames) {
      float[][] weights = new float[(int) frames][(int) frames];
      for (int i = 0; i < frames; i++) {
        int seen = 0;
        for (int j = 0; j < frames; j++) {
          seen += sees(i, j) ? 1 : 0;
        }
        for (int j = 0; j < frames; j++) {
          weights[i][j] = sees(i, j) ? 1f / seen : 0;
        }
      }
      return weights;
    }
  }
}
