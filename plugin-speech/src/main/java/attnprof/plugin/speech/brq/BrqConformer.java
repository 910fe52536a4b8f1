package attnprof.plugin.speech.brq;

import static attnprof.api.model.LayerParameters.FEED_FORWARD;
import static attnprof.api.model.LayerParameters.LAYERS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.model.LayerParameters;
import attnprof.plugin.speech.WaveformInputs;
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
import attnprof.api.nn.Activation;
import attnprof.api.nn.FeedForward;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The BEST-RQ study's speech encoder (Whetten et al., hparams in whettenr/brq-att-alt-exp) with a
 * variant's token mixer: 80-bin log-mel filterbanks from the waveform ({@link LogMelFilterbank}), two
 * stride-2 convolution blocks ({@link ConvolutionFrontEnd}, 25 frames a second), a linear layer to
 * the width ({@code custom_src_module}), the positions the mixer takes, pre-norm Conformer layers as
 * SpeechBrain's {@code ConformerEncoderLayer} builds them, a final layer norm (epsilon 1e-6), and the
 * linear layer to the codebook's targets that BEST-RQ trains. All of it is timed: the study times the
 * front end's convolutions, the encoder and the linear layer, and computes the filterbanks just before
 * its timer; here they are in the graph, in {@code embedding}.
 *
 * <p>A layer: x += ½·FFN₁(LN(x)); x += mixer(LN(x)); x += conv(x); x = LN(x + ½·FFN₂(LN(x))). The
 * FFNs are dense to {@code feed_forward}, Swish, dense back. The convolution module: LN, a pointwise
 * layer to twice the width and a GLU, a depthwise convolution over time ({@code conv_kernel}, "same"
 * padding, with bias), LN, Swish, a pointwise layer; Swish because SpeechBrain's {@code TransformerASR}
 * gives the Conformer its {@code conformer_activation} (Swish by default; the hparams' GELU goes to
 * the Transformer modules it does not build here); it counts as {@code other}. For training, a
 * cross-entropy over the targets of every frame.
 */
public final class BrqConformer {
  public static final String CONV_KERNEL = "conv_kernel";
  public static final String FRONT_CHANNELS = "front_channels";
  public static final String TARGETS = "targets";
  static final double EPSILON = 1e-5;
  public static final double FINAL_EPSILON = 1e-6;

  /** What the mixer gets besides the frames, as SpeechBrain's {@code TransformerASR} decides by attention type. */
  enum Positions {
    /** RelPosMHAXL's relative encodings, which the mixer adds itself. */
    RELATIVE,
    /** Fixed sinusoids added to the frames before the first layer ({@code fixed_abs_sine}). */
    SINUSOIDAL,
    /** Nothing (HyperMixing adds its own inside). */
    NONE
  }

  static final List<ParameterSpec> PARAMETERS = ParameterSpec.concat(LayerParameters.specs("Conformer"),
      ParameterSpec.integer(CONV_KERNEL, 1, "kernel of the convolution module's depthwise convolution (odd)"),
      ParameterSpec.text(FRONT_CHANNELS, "channels of the front end's stride-2 convolution blocks, comma-separated"),
      ParameterSpec.integer(TARGETS, 2, "outputs of the final linear layer (BEST-RQ's codebook vocabulary)"));

  private BrqConformer() {
  }

  /** The Conformer's parameters followed by a mixer's own. */
  static List<ParameterSpec> plus(List<ParameterSpec> own) {
    return ParameterSpec.concat(PARAMETERS, own.toArray(ParameterSpec[]::new));
  }

  /**
   * The presets of a family member.
   *
   * @param mixer the mixer's name, for the descriptions
   * @param widths the width at tiny, small and base (the study matches parameter counts by width)
   * @param tiny the mixer's own values at tiny, name-value pairs
   * @param small the mixer's own values at small
   * @param base the mixer's own values at base
   */
  static List<Preset> presets(String mixer, long[] widths, String[] tiny, String[] small, String[] base) {
    return List.of(
        new Preset(Preset.TINY, "a 2-layer Conformer with " + mixer + ", for tests",
            Preset.values(values(widths[0], 2, 2, 64, 7, "8,4", 32), tiny)),
        new Preset(Preset.SMALL, "a 4-layer Conformer a third as wide as the study's, with " + mixer
            + ", the default run", Preset.values(values(widths[1], 4, 4, 680, 31, "64,16", 2048), small)),
        new Preset(Preset.BASE, "the BEST-RQ study's Conformer with " + mixer + " (d_model " + widths[2] + ")",
            Preset.values(values(widths[2], 12, 8, 2048, 31, "128,32", 8192), base)));
  }

  /** A Conformer's own values, in the order of {@link #PARAMETERS}. */
  public static Map<String, String> values(long width, long layers, long heads, long feedForward, long kernel,
      String frontChannels, long targets) {
    Map<String, String> values = LayerParameters.values(width, layers, heads, feedForward);
    values.put(CONV_KERNEL, String.valueOf(kernel));
    values.put(FRONT_CHANNELS, frontChannels);
    values.put(TARGETS, String.valueOf(targets));
    return values;
  }

  /** The notes every family member shares. */
  static List<String> notes(ModelConfig config) {
    return List.of("BEST-RQ's Conformer (whettenr/brq-att-alt-exp hparams, SpeechBrain ConformerEncoderLayer): "
            + config.integer(LAYERS) + " pre-norm layers of width " + config.integer(WIDTH) + ", half-step FFNs of "
            + config.integer(FEED_FORWARD) + " (Swish, SpeechBrain's conformer_activation), a depthwise convolution of " + config.integer(CONV_KERNEL)
            + " frames; the convolution module counts as other",
        "front end: 80 log-mel filterbanks in the graph (n_fft 400, 10 ms hop, TensorFlow's RFFT), "
            + "two stride-2 convolution blocks with channels "
            + config.text(FRONT_CHANNELS) + " (25 frames a second), all in embedding; SpeechBrain's "
            + "InputNormalization is left out (a per-feature affine map, negligible)",
        "timed as the study times it (memory_test_v2.py: front end, encoder and the linear layer to "
            + config.integer(TARGETS) + " targets), plus the filterbanks the study computes just before its timer");
  }

  static BuiltModel build(Ops tf, BuildRequest request, java.util.function.IntFunction<TokenMixer> mixerOfLayer,
      Positions positions, List<String> notes) {
    ModelConfig config = request.config();
    List<Integer> channels = config.integers(FRONT_CHANNELS);
    long kernel = config.integer(CONV_KERNEL);
    long width = config.integer(WIDTH);
    int samples = WaveformInputs.samples(request.length());
    Shape shape = Shape.of(request.batch(), samples);
    Placeholder<TFloat32> waveform = tf.withName(WaveformInputs.WAVEFORM).placeholder(TFloat32.class,
        Placeholder.shape(shape));

    Net root = Net.root(tf, request.seed());
    Net frontEnd = root.in(Component.EMBEDDING);
    Operand<TFloat32> filterbanks = LogMelFilterbank.apply(frontEnd.tf(), waveform);
    Operand<TFloat32> features = ConvolutionFrontEnd.apply(frontEnd.part("cnn"), filterbanks, channels);
    Operand<TFloat32> x = Layers.dense(frontEnd.part("custom_src_module"), features, width);
    long frames = Layers.dims(x)[1];
    if (positions == Positions.SINUSOIDAL) {
      x = frontEnd.tf().math.add(x, SinusoidalPositions.shared(frontEnd, frames, width));
    }
    for (int layer = 0; layer < config.integer(LAYERS); layer++) {
      x = layer(root.scope("layer_" + layer), x, mixerOfLayer.apply(layer), config.integer(FEED_FORWARD), kernel);
    }
    Operand<TFloat32> encoded = Layers.layerNorm(root.part("encoder_norm").in(Component.NORM), x, FINAL_EPSILON);
    Operand<TFloat32> logits = Layers.dense(root.in(Component.OTHER).part("linear"), encoded, config.integer(TARGETS));
    Operand<TFloat32> loss = request.mode() == Mode.TRAINING
        ? SpeechEncoder.firstClassLoss(root.in(Component.OTHER).tf(), logits) : null;
    List<String> all = new ArrayList<>(notes);
    InputSpec spec = new InputSpec(WaveformInputs.WAVEFORM, TFloat32.class, shape, 0);
    return new BuiltModel(List.of(new ModelInput(spec, waveform)), logits, loss, all);
  }

  private static Operand<TFloat32> layer(Net net, Operand<TFloat32> x, TokenMixer mixer, long feedForward,
      long kernel) {
    return layer(net, x, (attention, normed) -> mixer.mix(attention, Sequence.of(normed)), feedForward,
        (convolution, gated) -> Layers.padAxis(convolution.tf(), gated, 1, (kernel - 1) / 2, (kernel - 1) / 2), kernel);
  }

  /**
   * One pre-norm Conformer layer: x += ½·FFN₁(LN(x)); x += mixer(LN(x)); x += conv(x);
   * x = LN(x + ½·FFN₂(LN(x))).
   *
   * @param mixer the token mixer, given the layer's {@code attention} place and the normalised frames
   * @param padding the convolution module's padding along time of its gated frames ({@code [batch,
   *     frames, width]}), to {@code kernel - 1} frames more
   */
  public static Operand<TFloat32> layer(Net net, Operand<TFloat32> x,
      java.util.function.BiFunction<Net, Operand<TFloat32>, Operand<TFloat32>> mixer, long feedForward,
      java.util.function.BiFunction<Net, Operand<TFloat32>, Operand<TFloat32>> padding, long kernel) {
    // residual additions are under norm, as a Transformer layer's; the half-step scaling is its FFN's
    Ops residual = net.in(Component.NORM).tf();
    Net ffn = net.in(Component.FEED_FORWARD);
    Operand<TFloat32> half = ffn.tf().constant(0.5f);
    Operand<TFloat32> first = FeedForward.apply(ffn.part("ffn_1"), norm(net.part("ffn_1_norm"), x), feedForward,
        Activation.SILU);
    x = residual.math.add(x, ffn.tf().math.mul(half, first));
    Operand<TFloat32> mixed = mixer.apply(net.in(Component.ATTENTION), norm(net.part("norm_1"), x));
    x = residual.math.add(x, mixed);
    x = residual.math.add(x, convolutionModule(net.in(Component.OTHER).part("convolution"), x, kernel, padding));
    Operand<TFloat32> second = FeedForward.apply(ffn.part("ffn_2"), norm(net.part("ffn_2_norm"), x), feedForward,
        Activation.SILU);
    return norm(net.part("norm_2"), residual.math.add(x, ffn.tf().math.mul(half, second)));
  }

  /** SpeechBrain's {@code ConvolutionModule} without the residual, its depthwise convolution padded by {@code padding}. */
  private static Operand<TFloat32> convolutionModule(Net net, Operand<TFloat32> x, long kernel,
      java.util.function.BiFunction<Net, Operand<TFloat32>, Operand<TFloat32>> padding) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    long width = dims[2];
    Operand<TFloat32> both = Layers.dense(net.part("pointwise_1"), norm(net.part("norm"), x), 2 * width);
    Operand<TFloat32> gated = tf.math.mul(Layers.sliceAxis(tf, both, 2, 0, width),
        tf.math.sigmoid(Layers.sliceAxis(tf, both, 2, width, 2 * width)));
    Operand<TFloat32> depthwiseKernel = net.weight("depthwise_kernel", Init.normal(Layers.INIT_STDDEV), 1, kernel,
        width, 1);
    Operand<TFloat32> depthwiseBias = net.weight("depthwise_bias", Init.zeros(), width);
    Operand<TFloat32> padded = padding.apply(net, gated);
    Operand<TFloat32> image = Layers.reshape(tf, padded, dims[0], 1, Layers.dims(padded)[1], width);
    Operand<TFloat32> convolved = tf.math.add(Layers.reshape(tf,
        tf.nn.depthwiseConv2dNative(image, depthwiseKernel, List.of(1L, 1L, 1L, 1L), "VALID"),
        dims[0], dims[1], width), depthwiseBias);
    Operand<TFloat32> activated = Activation.SILU.apply(tf, norm(net.part("after_norm"), convolved));
    return Layers.dense(net.part("pointwise_2"), activated, width);
  }

  private static Operand<TFloat32> norm(Net net, Operand<TFloat32> x) {
    return Layers.layerNorm(net.in(Component.NORM), x, EPSILON);
  }
}
