package attnprof.plugin.speech.streaming;

import static attnprof.api.model.LayerParameters.FEED_FORWARD;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.LAYERS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.model.LayerParameters;
import attnprof.plugin.speech.WaveformInputs;
import attnprof.plugin.speech.brq.BrqConformer;
import attnprof.plugin.speech.brq.ConvolutionFrontEnd;
import attnprof.plugin.speech.brq.LogMelFilterbank;
import attnprof.plugin.speech.hubert.SpeechEncoder;
import attnprof.api.Mode;
import attnprof.api.input.InputSpec;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelInput;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.StreamingStep;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The streaming SummaryMixing paper's Conformer (Parcollet et al., "Linear Time Complexity Conformers with
 * SummaryMixing for Streaming Speech Recognition"; SamsungLabs/SummaryMixing,
 * {@code recipes/LibriSpeech/ASR/transducer/hparams/conformer_summarymixing_transducer.yaml}) with a
 * variant's token mixer: 80 log-mel filterbanks (n_fft 512, a 32 ms window, a 10 ms hop), two stride-2
 * convolution blocks (channels 64 and 32: 40 ms a frame), a linear layer to the width, pre-norm Conformer
 * layers ({@link BrqConformer#layer}) whose convolution module is causal, a final layer norm, and the CTC
 * projection to the recipe's 1000 outputs.
 *
 * <p>Offline ({@code inference}, {@code training}) it runs a whole utterance with full context. In the
 * {@code streaming} mode it runs one chunk of a live stream ({@link StreamingChunk}), carrying from chunk to
 * chunk what the mixer needs of the left context, and the convolution module's last frames; the left context
 * is the point's length, in seconds, as whole chunks.
 */
final class StreamingConformer {
  static final String CONV_KERNEL = BrqConformer.CONV_KERNEL;
  static final String FRONT_CHANNELS = BrqConformer.FRONT_CHANNELS;
  static final String TARGETS = BrqConformer.TARGETS;
  static final String CHUNK = "chunk_ms";
  /** The recipe's filterbank window: 32 ms at 16 kHz, as long as its n_fft. */
  static final int FFT_SIZE = 512;
  /** Milliseconds of audio per encoder frame: a 10 ms hop, strided by 4. */
  static final int FRAME_MS = 40;

  static final List<ParameterSpec> PARAMETERS = ParameterSpec.concat(LayerParameters.specs("Conformer"),
      ParameterSpec.integer(CONV_KERNEL, 1, "kernel of the convolution module's causal depthwise convolution"),
      ParameterSpec.text(FRONT_CHANNELS, "channels of the front end's stride-2 convolution blocks, comma-separated"),
      ParameterSpec.integer(TARGETS, 2, "outputs of the CTC projection (the recipe's output_neurons)"),
      ParameterSpec.integer(CHUNK, FRAME_MS, 60_000, "milliseconds of audio per chunk of a stream (a multiple of 40: "
          + "an encoder frame)"));

  private StreamingConformer() {
  }

  static List<ParameterSpec> plus(List<ParameterSpec> own) {
    return ParameterSpec.concat(PARAMETERS, own.toArray(ParameterSpec[]::new));
  }

  /** The presets, {@code base} the recipe's; the mixer's own values as name-value pairs. */
  static List<Preset> presets(String mixer, String[] tiny, String[] small, String[] base) {
    return List.of(
        new Preset(Preset.TINY, "a 2-layer streaming Conformer with " + mixer + ", for tests",
            Preset.values(values(32, 2, 2, 64, 7, "8,4", 32), tiny)),
        new Preset(Preset.SMALL, "a 4-layer streaming Conformer half as wide as the recipe's, with " + mixer
            + ", the default run", Preset.values(values(256, 4, 4, 1024, 31, "64,32", 1000), small)),
        new Preset(Preset.BASE, "the streaming SummaryMixing recipe's Conformer (LibriSpeech transducer) with "
            + mixer, Preset.values(values(512, 12, 4, 2048, 31, "64,32", 1000), base)));
  }

  private static Map<String, String> values(long width, long layers, long heads, long feedForward, long kernel,
      String frontChannels, long targets) {
    Map<String, String> values = BrqConformer.values(width, layers, heads, feedForward, kernel, frontChannels,
        targets);
    values.put(CHUNK, "640");
    return values;
  }

  /** Frames per chunk. */
  static long chunkFrames(ModelConfig config) {
    return config.integer(CHUNK) / FRAME_MS;
  }

  /**
   * Chunks of left context for a point's length in seconds: whole chunks, at least one;
   * {@link StreamingChunk#UNLIMITED} for an infinite length (every chunk before).
   */
  static long leftChunks(ModelConfig config, double seconds) {
    if (Double.isInfinite(seconds)) {
      return StreamingChunk.UNLIMITED;
    }
    return Math.max(1, Math.round(seconds * 1000 / config.integer(CHUNK)));
  }

  static void check(ModelConfig config) {
    config.requireMultiple(WIDTH, HEADS);
    if (config.integer(CHUNK) % FRAME_MS != 0) {
      throw attnprof.api.ProfilerException.user("parameter `" + CHUNK + "` must be a multiple of " + FRAME_MS
          + " ms (an encoder frame), got " + config.integer(CHUNK));
    }
    attnprof.api.model.AttentionParameters.check(config);
  }

  static List<String> notes(ModelConfig config) {
    return List.of("the streaming SummaryMixing recipe's Conformer (conformer_summarymixing_transducer.yaml): "
            + config.integer(LAYERS) + " pre-norm layers of width " + config.integer(WIDTH) + ", " + config.integer(HEADS)
            + " heads, half-step FFNs of " + config.integer(FEED_FORWARD) + " (Swish: SpeechBrain's Conformer takes "
            + "its conformer_activation; the recipe's GELU reaches TransformerASR's other modules), a causal "
            + "depthwise convolution of " + config.integer(CONV_KERNEL) + " frames (counted as other)",
        "front end: 80 log-mel filterbanks in the graph (n_fft 512, 32 ms window, 10 ms hop), two stride-2 "
            + "convolution blocks with channels " + config.text(FRONT_CHANNELS) + " (40 ms a frame), a linear layer "
            + "to the width; all in embedding; the CTC projection to " + config.integer(TARGETS) + " outputs in other",
        "streaming: chunks of " + config.integer(CHUNK) + " ms (" + chunkFrames(config) + " frames); the length of a "
            + "streaming point is its left context in seconds, taken as whole chunks; each chunk's front end "
            + "runs on the chunk's own audio (its few frames of look-back are not carried)",
        "no absolute positions: SpeechBrain's TransformerASR adds fixed sinusoids before the layers for "
            + "SummaryMixing offline, but a stream has no absolute position beyond what training saw (one add of "
            + "[frames, width], negligible)");
  }

  /** The model for a request: a whole utterance, or, in the streaming mode, one chunk of a stream. */
  static BuiltModel build(Ops tf, BuildRequest request, StreamingMixer mixer, List<String> notes) {
    ModelConfig config = request.config();
    boolean streaming = request.mode() == Mode.STREAMING;
    long chunkFrames = chunkFrames(config);
    double seconds = streaming ? config.integer(CHUNK) / 1000.0 : request.length();
    int samples = WaveformInputs.samples(seconds);
    Shape shape = Shape.of(request.batch(), samples);
    Placeholder<TFloat32> waveform = tf.withName(WaveformInputs.WAVEFORM).placeholder(TFloat32.class,
        Placeholder.shape(shape));
    Net root = Net.root(tf, request.seed());
    Operand<TFloat32> x = frontEnd(root, waveform, config);
    StreamState state = new StreamState(tf);
    TimeView view = TimeView.whole();
    if (streaming) {
      x = Layers.sliceAxis(root.in(Component.EMBEDDING).tf(), x, 1, 0, chunkFrames);
      long left = leftChunks(config, request.length());
      // with an unlimited left context nothing keeps frames: attention cannot, and says so
      view = new StreamingChunk(state, chunkFrames, left, Math.max(0, left));
      double kept = left * config.integer(CHUNK) / 1000.0;
      if (left != StreamingChunk.UNLIMITED && Math.abs(kept - request.length()) > 1e-9) {
        notes = new java.util.ArrayList<>(notes);
        notes.add(String.format(java.util.Locale.ROOT, "a left context of %s s is kept as %d chunks of %d ms (%s s)",
            request.length(), left, config.integer(CHUNK), kept));
      }
    }
    Operand<TFloat32> encoded = encoder(root, x, config, mixer, view);
    Operand<TFloat32> logits = Layers.dense(root.in(Component.OTHER).part("proj_ctc"), encoded,
        config.integer(TARGETS));
    InputSpec spec = new InputSpec(WaveformInputs.WAVEFORM, TFloat32.class, shape, 0);
    List<ModelInput> inputs = List.of(new ModelInput(spec, waveform));
    if (streaming) {
      Operand<TFloat32> output = state.after(logits);
      return new BuiltModel(inputs, output, null, notes,
          new StreamingStep(List.copyOf(state.variables()), config.integer(CHUNK) / 1000.0));
    }
    Operand<TFloat32> loss = request.mode() == Mode.TRAINING
        ? SpeechEncoder.firstClassLoss(root.in(Component.OTHER).tf(), logits) : null;
    return new BuiltModel(inputs, logits, loss, notes);
  }

  /** Filterbanks, the convolution blocks and the linear layer to the width: {@code [batch, frames, width]}. */
  static Operand<TFloat32> frontEnd(Net root, Operand<TFloat32> waveform, ModelConfig config) {
    Net frontEnd = root.in(Component.EMBEDDING);
    Operand<TFloat32> filterbanks = LogMelFilterbank.apply(frontEnd.tf(), waveform, FFT_SIZE);
    Operand<TFloat32> features = ConvolutionFrontEnd.apply(frontEnd.part("cnn"), filterbanks,
        config.integers(FRONT_CHANNELS));
    return Layers.dense(frontEnd.part("custom_src_module"), features, config.integer(WIDTH));
  }

  /** The Conformer layers and the final norm over {@code x} ({@code [batch, frames, width]}), as {@code view} sees time. */
  static Operand<TFloat32> encoder(Net root, Operand<TFloat32> x, ModelConfig config, StreamingMixer mixer,
      TimeView view) {
    long kernel = config.integer(CONV_KERNEL);
    for (int layer = 0; layer < config.integer(LAYERS); layer++) {
      x = BrqConformer.layer(root.scope("layer_" + layer), x, (net, normed) -> mixer.mix(net, normed, view),
          config.integer(FEED_FORWARD), (net, gated) -> view.withPast(net, gated, kernel - 1), kernel);
    }
    return Layers.layerNorm(root.part("encoder_norm").in(Component.NORM), x, BrqConformer.FINAL_EPSILON);
  }
}
