package attnprof.plugin.speech.hubert;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.FEED_FORWARD;
import static attnprof.api.model.LayerParameters.LAYERS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.plugin.speech.WaveformInputs;
import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.input.InputSpec;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelInput;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import attnprof.api.nn.TransformerLayer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The HuBERT-base encoder every speech variant shares: the convolutional feature encoder, feature
 * projection (layer norm and a dense layer), the convolutional relative position embedding, layer
 * normalisation, and post-norm Transformer layers with a variant's token mixer. The front end and
 * the position embedding count as {@code embedding}. For training, a frame-wise classification head
 * with a softmax cross-entropy loss (as in fine-tuning for recognition).
 */
public final class SpeechEncoder {
  static final double EPSILON = 1e-5;
  /** Why a HuBERT-body variant's achieved GFLOP/s is below HuBERT's on long inputs. */
  static final String RATE_NOTE = "achieved GFLOP/s: with self-attention's large matrix products gone, the "
      + "convolutional front end (about 30-45 GFLOP/s on this project's 2-core machine, against attention's 120-170) "
      + "takes most of a long input's step, so the whole model's rate falls below HuBERT's even where the mixer's own "
      + "rate is close to attention's; the report's breakdown gives each component's rate";
  private static final int MASK_SPAN = 10;

  private SpeechEncoder() {
  }

  /** A HuBERT-body mixer's notes followed by {@link #RATE_NOTE}. */
  static List<String> withRateNote(List<String> notes) {
    List<String> all = new java.util.ArrayList<>(notes);
    all.add(RATE_NOTE);
    return all;
  }

  static BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes) {
    ModelConfig config = request.config();
    List<Integer> kernels = config.integers(SpeechParameters.CONV_KERNELS);
    List<Integer> strides = config.integers(SpeechParameters.CONV_STRIDES);
    if (kernels.size() != strides.size()) {
      throw ProfilerException.user("conv_kernels and conv_strides must have as many entries each, got "
          + kernels.size() + " and " + strides.size());
    }
    int samples = WaveformInputs.samples(request.length());
    if (ConvFeatureEncoder.frames(samples, kernels, strides) < 1) {
      throw ProfilerException.user(request.length() + " s of audio is too short for the feature encoder");
    }
    long width = config.integer(WIDTH);
    Shape shape = Shape.of(request.batch(), samples);
    Placeholder<TFloat32> waveform = tf.withName(WaveformInputs.WAVEFORM).placeholder(TFloat32.class,
        Placeholder.shape(shape));

    Net root = Net.root(tf, request.seed());
    Net frontEnd = root.in(Component.EMBEDDING);
    Operand<TFloat32> features = ConvFeatureEncoder.apply(frontEnd.part("feature_encoder"), waveform,
        config.integer(SpeechParameters.CONV_CHANNELS), kernels, strides);
    features = Layers.layerNorm(frontEnd.part("feature_projection").in(Component.NORM), features, EPSILON);
    features = Layers.dense(frontEnd.part("feature_projection"), features, width);
    features = maskFrames(frontEnd.part("mask"), features, request.mode());
    Operand<TFloat32> positions = PositionalConvolution.apply(frontEnd.part("position_conv"), features,
        config.integer(SpeechParameters.POSITION_KERNEL), config.integer(SpeechParameters.POSITION_GROUPS));
    Operand<TFloat32> hidden = Layers.layerNorm(root.part("encoder").in(Component.NORM),
        frontEnd.tf().math.add(features, positions), EPSILON);

    Sequence x = Sequence.of(hidden);
    for (int layer = 0; layer < config.integer(LAYERS); layer++) {
      TransformerLayer block = new TransformerLayer(mixerOfLayer.apply(layer),
          config.integer(FEED_FORWARD), false, EPSILON);
      x = block.apply(root.scope("layer_" + layer), x);
    }
    Operand<TFloat32> output = x.values();
    Operand<TFloat32> loss = request.mode() == Mode.TRAINING
        ? frameClassificationLoss(root.in(Component.OTHER).part("head"), output, config.integer(SpeechParameters.CLASSES))
        : null;
    InputSpec spec = new InputSpec(WaveformInputs.WAVEFORM, TFloat32.class, shape, 0);
    return new BuiltModel(List.of(new ModelInput(spec, waveform)), output, loss, notes);
  }

  /**
   * HuBERT's masked prediction: the learned mask embedding replaces spans of frames before the
   * position embedding. In training, spans of {@value #MASK_SPAN} frames alternate between masked
   * and kept (a fixed pattern masking half the frames, where HuBERT draws random 10-frame spans); in
   * inference nothing is masked, but the embedding is part of the model, as in the checkpoint.
   */
  private static Operand<TFloat32> maskFrames(Net net, Operand<TFloat32> features, Mode mode) {
    long[] dims = Layers.dims(features);
    Operand<TFloat32> embedding = net.weight("embedding", Init.normal(Layers.INIT_STDDEV), dims[2]);
    if (mode != Mode.TRAINING) {
      return features;
    }
    float[][][] masked = new float[1][(int) dims[1]][1];
    for (int frame = 0; frame < dims[1]; frame++) {
      masked[0][frame][0] = (frame / MASK_SPAN) % 2 == 0 ? 1f : 0f;
    }
    Ops tf = net.tf();
    Operand<TFloat32> mask = tf.constant(masked);
    Operand<TFloat32> kept = tf.math.mul(features, tf.math.sub(tf.constant(1f), mask));
    return tf.math.add(kept, tf.math.mul(mask, embedding));
  }

  private static Operand<TFloat32> frameClassificationLoss(Net net, Operand<TFloat32> frames, int classes) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(frames);
    long rows = dims[0] * dims[1];
    return firstClassLoss(tf, Layers.dense(net, Layers.reshape(tf, frames, rows, dims[2]), classes));
  }

  /**
   * The mean softmax cross-entropy of logits ({@code [frames, classes]} or {@code [batch, frames,
   * classes]}) against the first class for every frame: a training loss with the cost of a real one.
   */
  public static Operand<TFloat32> firstClassLoss(Ops tf, Operand<TFloat32> logits) {
    long[] dims = Layers.dims(logits);
    long classes = dims[dims.length - 1];
    long rows = Layers.dims(logits).length == 2 ? dims[0] : dims[0] * dims[1];
    Operand<TFloat32> flat = Layers.reshape(tf, logits, rows, classes);
    float[] first = new float[(int) classes];
    first[0] = 1f;
    Operand<TFloat32> labels = tf.broadcastTo(tf.constant(first), Layers.ints(tf, rows, classes));
    Operand<TFloat32> perFrame = tf.nn.softmaxCrossEntropyWithLogits(flat, labels).loss();
    return tf.math.mean(perFrame, tf.constant(0));
  }
}
