package attnprof.plugin.speech.streaming;

import attnprof.plugin.speech.brq.RelativePositionAttention;
import attnprof.plugin.speech.mixers.FastSummaryMixing;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.model.ModelConfig;
import attnprof.api.nn.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The streaming Conformer fed chunk by chunk computes what it computes over the whole stream at once with
 * Dynamic Chunk Training's mask, and SummaryMixing's running summary is the mean over the frames a frame sees.
 */
class StreamingCorrectnessTest {
  private static final int CHUNK = 4;
  private static final int CHUNKS = 4;
  private static final int WIDTH = 32;
  private static final long SEED = 7;

  /** The tiny preset with chunks of 4 frames (160 ms). */
  private static ModelConfig config(attnprof.api.model.ModelVariant variant) {
    return ModelConfig.resolve(variant.descriptor(), "tiny", Map.of(StreamingConformer.CHUNK, "160"));
  }

  private static float[][][] stream(int frames, int width, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][][] x = new float[1][frames][width];
    for (int t = 0; t < frames; t++) {
      for (int i = 0; i < width; i++) {
        x[0][t][i] = (float) (random.nextDouble() * 2 - 1);
      }
    }
    return x;
  }

  /** The encoder over the whole stream with the chunk mask: {@code [frames][width]}. */
  private static float[][] whole(float[][][] x, BiFunction<Net, Operand<TFloat32>, Operand<TFloat32>> encoder) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(1, x[0].length, x[0][0].length)));
      Operand<TFloat32> output = encoder.apply(Net.root(tf, SEED), input);
      session.initialize();
      try (TFloat32 fed = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
           Result result = session.runner().feed(input, fed).fetch(output).run()) {
        return rows((TFloat32) result.get(0));
      }
    }
  }

  /** The encoder fed one chunk at a time from an empty stream state: {@code [frames][width]}. */
  private static float[][] chunkByChunk(float[][][] x,
      java.util.function.Function<StreamState, BiFunction<Net, Operand<TFloat32>, Operand<TFloat32>>> encoder) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, CHUNK, x[0][0].length)));
      StreamState state = new StreamState(tf);
      Operand<TFloat32> output = state.after(encoder.apply(state).apply(Net.root(tf, SEED), input));
      Op reset = state.reset();
      session.initialize();
      session.runner().addTarget(reset).run();
      List<float[]> frames = new ArrayList<>();
      for (int chunk = 0; chunk * CHUNK < x[0].length; chunk++) {
        float[][][] part = new float[1][CHUNK][];
        for (int t = 0; t < CHUNK; t++) {
          part[0][t] = x[0][chunk * CHUNK + t];
        }
        try (TFloat32 fed = TFloat32.tensorOf(StdArrays.ndCopyOf(part));
             Result result = session.runner().feed(input, fed).fetch(output).run()) {
          frames.addAll(List.of(rows((TFloat32) result.get(0))));
        }
      }
      return frames.toArray(float[][]::new);
    }
  }

  private static float[][] rows(TFloat32 tensor) {
    int frames = (int) tensor.shape().get(1);
    int width = (int) tensor.shape().get(2);
    float[][] rows = new float[frames][width];
    for (int t = 0; t < frames; t++) {
      for (int i = 0; i < width; i++) {
        rows[t][i] = tensor.getFloat(0, t, i);
      }
    }
    return rows;
  }

  private static void assertSame(float[][] actual, float[][] expected) {
    assertSame(actual, expected, 2e-4f);
  }

  private static void assertSame(float[][] actual, float[][] expected, float tolerance) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int t = 0; t < expected.length; t++) {
      for (int i = 0; i < expected[t].length; i++) {
        assertThat(actual[t][i]).as("frame %d channel %d", t, i).isCloseTo(expected[t][i], Offset.offset(tolerance));
      }
    }
  }

  private void chunkByChunkEqualsTheMaskedWholeStream(attnprof.api.model.ModelVariant variant, StreamingMixer mixer,
      long leftChunks) {
    ModelConfig config = config(variant);
    float[][][] x = stream(CHUNK * CHUNKS, WIDTH, 11);
    long cached = leftChunks == StreamingChunk.UNLIMITED ? CHUNKS - 1 : leftChunks;

    float[][] expected = whole(x, (net, input) -> StreamingConformer.encoder(net, input, config, mixer,
        TimeView.chunked(CHUNK, leftChunks)));
    float[][] actual = chunkByChunk(x, state -> (net, input) -> StreamingConformer.encoder(net, input, config, mixer,
        new StreamingChunk(state, CHUNK, leftChunks, cached)));

    assertSame(actual, expected);
    // and the mask matters: without it, the first chunk would see the future
    float[][] offline = whole(x, (net, input) -> StreamingConformer.encoder(net, input, config, mixer,
        TimeView.whole()));
    assertThat(Math.abs(offline[0][0] - expected[0][0])).isGreaterThan(1e-3f);
  }

  @Test
  void attentionChunkByChunkWithAnUnlimitedLeftContextEqualsTheWholeStreamUnderTheChunkMask() {
    var variant = new StreamingMhsaVariant();
    chunkByChunkEqualsTheMaskedWholeStream(variant, StreamingMixer.attention(2, null), StreamingChunk.UNLIMITED);
  }

  @Test
  void attentionWithALeftContextOfOneChunkEqualsTheWholeStreamUnderItsMask() {
    var variant = new StreamingMhsaVariant();
    chunkByChunkEqualsTheMaskedWholeStream(variant, StreamingMixer.attention(2, null), 1);
  }

  @Test
  void attentionInQueryAndKeyChunksEqualsItsDenseSelfUnderEveryViewOfTime() {
    var variant = new StreamingMhsaVariant();
    ModelConfig config = config(variant);
    float[][][] x = stream(CHUNK * CHUNKS, WIDTH, 11);
    StreamingMixer dense = StreamingMixer.attention(2, null);
    StreamingMixer chunked = StreamingMixer.attention(2, new attnprof.api.nn.ChunkedAttention(3, 5));
    for (TimeView view : List.of(TimeView.whole(), TimeView.chunked(CHUNK, StreamingChunk.UNLIMITED),
        TimeView.chunked(CHUNK, 1))) {
      float[][] expected = whole(x, (net, input) -> StreamingConformer.encoder(net, input, config, dense, view));
      float[][] actual = whole(x, (net, input) -> StreamingConformer.encoder(net, input, config, chunked, view));
      assertSame(actual, expected, 1e-5f);
    }
    // and a live stream, chunk by chunk, with its cache of keys
    chunkByChunkEqualsTheMaskedWholeStream(variant, chunked, 1);
  }

  @Test
  void summaryMixingChunkByChunkEqualsTheWholeStreamUnderTheChunkMask() {
    var variant = new StreamingSummaryMixingVariant();
    var mixer = new FastSummaryMixing(32, attnprof.api.nn.Activation.SILU);
    chunkByChunkEqualsTheMaskedWholeStream(variant, mixer, StreamingChunk.UNLIMITED);
    chunkByChunkEqualsTheMaskedWholeStream(variant, mixer, 2);
  }

  @Test
  void theRunningSummaryIsTheMeanOverTheFramesEachFrameSees() {
    int width = 3;
    float[][][] values = stream(CHUNK * CHUNKS, width, 5);
    for (long leftChunks : new long[] {StreamingChunk.UNLIMITED, 1, 2}) {
      float[][] running = chunkByChunk(values, state -> (net, chunk) -> new StreamingChunk(state, CHUNK, leftChunks,
          leftChunks == StreamingChunk.UNLIMITED ? CHUNKS - 1 : leftChunks).summary(net, chunk));
      // computed another way: for frame t of chunk c, the plain mean of the frames of chunks c - left .. c
      for (int t = 0; t < CHUNK * CHUNKS; t++) {
        int chunk = t / CHUNK;
        int first = leftChunks == StreamingChunk.UNLIMITED ? 0 : (int) Math.max(0, chunk - leftChunks);
        for (int i = 0; i < width; i++) {
          double sum = 0;
          int count = 0;
          for (int u = first * CHUNK; u < (chunk + 1) * CHUNK; u++) {
            sum += values[0][u][i];
            count++;
          }
          assertThat((double) running[t][i]).as("left %d frame %d channel %d", leftChunks, t, i)
              .isCloseTo(sum / count, Offset.offset(1e-5));
        }
      }
    }
  }

  @Test
  void theRelativeShiftLinesUpQueriesAfterEarlierKeys() {
    int queries = 3;
    int keys = 7;
    int positions = keys + queries - 1;
    // column c stands for relative position keys - 1 - c
    float[][][][] scores = new float[1][1][queries][positions];
    for (int i = 0; i < queries; i++) {
      for (int c = 0; c < positions; c++) {
        scores[0][0][i][c] = 100 * i + (keys - 1 - c);
      }
    }
    float[] shifted = attnprof.testkit.ModelEvaluator.evaluate(tf -> RelativePositionAttention.shift(tf,
        tf.constant(scores), keys));
    for (int i = 0; i < queries; i++) {
      for (int j = 0; j < keys; j++) {
        // query i sits at key keys - queries + i
        assertThat(shifted[i * keys + j]).as("row %d column %d", i, j).isEqualTo(100f * i + (keys - queries + i - j));
      }
    }
  }
}
