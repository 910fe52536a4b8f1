package attnprof.plugin.speech.mixers;

import attnprof.api.model.Component;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A bidirectional Mamba token mixer (Gu and Dao 2023; bidirectional as in the speech encoders that
 * use it): one Mamba block reads the frames forward ({@code forward}), another backward
 * ({@code backward}), and their outputs are added. A block: an input projection to 2 x expand x
 * width split into x and a gate z; a causal depthwise convolution of x and SiLU; input-dependent
 * step size Δ (through a low-rank projection and softplus), B and C; the {@link SelectiveScan}
 * with A = -exp(A_log) and a skip D; the gate SiLU(z); an output projection.
 *
 * <p>With {@code residualBlocks}, each direction is wrapped as mamba_ssm's {@code Block} wraps its
 * mixer: RMS normalisation first ({@code forward_norm}, {@code backward_norm}; epsilon 1e-5, a weight
 * per channel) and the input added back, so the output is x + M_f(N_f(x)) + rev(M_b(N_b(rev x))).
 * Without it (a body that brings its own norm and residual, as the Conformer does) it is
 * M_f(x) + rev(M_b(rev x)), the BEST-RQ study's {@code add} strategy.
 */
public record Mamba(long expand, long state, long convolution, boolean residualBlocks) implements TokenMixer {
  static final double RMS_EPSILON = 1e-5;

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long frames = x.length();
    Operand<TFloat32> input = x.values();
    if (x.padded()) {
      float[][] real = new float[(int) frames][1];
      for (int t = 0; t < x.valid(); t++) {
        real[t][0] = 1f;
      }
      input = tf.math.mul(input, tf.constant(real));
    }
    int[] reversed = new int[(int) frames];
    for (int t = 0; t < frames; t++) {
      reversed[t] = (int) (frames - 1 - t);
    }
    Operand<TFloat32> forward = direction(net, "forward", input);
    Operand<TFloat32> backward = tf.gather(direction(net, "backward", tf.gather(input, tf.constant(reversed),
        tf.constant(1))), tf.constant(reversed), tf.constant(1));
    Operand<TFloat32> both = tf.math.add(forward, backward);
    return residualBlocks ? tf.math.add(both, input) : both;
  }

  /** One direction's block, behind its RMS normalisation when the blocks carry their own. */
  private Operand<TFloat32> direction(Net net, String name, Operand<TFloat32> x) {
    Operand<TFloat32> in = residualBlocks ? rmsNorm(net.part(name + "_norm").in(Component.NORM), x) : x;
    return block(net.part(name), in);
  }

  /** x / sqrt(mean(x²) + ε) · weight over the last axis (mamba_ssm's {@code RMSNorm}). */
  static Operand<TFloat32> rmsNorm(Net net, Operand<TFloat32> x) {
    Ops tf = net.tf();
    Operand<TFloat32> meanSquare = tf.math.mean(tf.math.square(x), tf.constant(-1),
        org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> weight = net.weight("weight", Init.ones(), Layers.width(x));
    return tf.math.mul(tf.math.mul(x, tf.math.rsqrt(tf.math.add(meanSquare, tf.constant((float) RMS_EPSILON)))),
        weight);
  }

  /** One Mamba block reading the frames in order. */
  Operand<TFloat32> block(Net net, Operand<TFloat32> x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    long width = dims[2];
    long inner = expand * width;
    long rank = (width + 15) / 16;
    Operand<TFloat32> both = Layers.denseNoBias(net.part("in_proj"), x, 2 * inner);
    Operand<TFloat32> u = silu(tf, causalConvolution(net.part("conv"), Layers.sliceAxis(tf, both, 2, 0, inner)));
    Operand<TFloat32> gate = Layers.sliceAxis(tf, both, 2, inner, 2 * inner);
    Operand<TFloat32> projected = Layers.denseNoBias(net.part("x_proj"), u, rank + 2 * state);
    Operand<TFloat32> delta = softplus(tf, Layers.dense(net.part("dt_proj"),
        Layers.sliceAxis(tf, projected, 2, 0, rank), inner, stepSizeBias(inner)));
    Operand<TFloat32> b = Layers.sliceAxis(tf, projected, 2, rank, rank + state);
    Operand<TFloat32> c = Layers.sliceAxis(tf, projected, 2, rank + state, rank + 2 * state);
    Operand<TFloat32> a = tf.math.neg(tf.math.exp(net.weight("a_log", stateInit(), inner, state)));
    Operand<TFloat32> skip = net.weight("d", Init.ones(), inner);
    Operand<TFloat32> y = tf.math.add(SelectiveScan.apply(tf, u, delta, a, b, c), tf.math.mul(u, skip));
    return Layers.denseNoBias(net.part("out_proj"), tf.math.mul(y, silu(tf, gate)), width);
  }

  /** A depthwise convolution over time that sees only the current and earlier frames. */
  private Operand<TFloat32> causalConvolution(Net net, Operand<TFloat32> x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x);
    Operand<TFloat32> kernel = net.weight("kernel", Init.normal(Layers.INIT_STDDEV), 1, convolution, dims[2], 1);
    Operand<TFloat32> bias = net.weight("bias", Init.zeros(), dims[2]);
    Operand<TFloat32> image = Layers.padAxis(tf, Layers.reshape(tf, x, dims[0], 1, dims[1], dims[2]), 2, convolution - 1, 0);
    Operand<TFloat32> convolved = tf.nn.depthwiseConv2dNative(image, kernel, List.of(1L, 1L, 1L, 1L), "VALID");
    return tf.math.add(Layers.reshape(tf, convolved, dims[0], dims[1], dims[2]), bias);
  }

  static Operand<TFloat32> silu(Ops tf, Operand<TFloat32> x) {
    return tf.math.mul(x, tf.math.sigmoid(x));
  }

  /** log(1 + e^x), computed as max(x, 0) + log(1 + e^-|x|) to stay finite, with ops that all have gradients. */
  static Operand<TFloat32> softplus(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> positive = tf.nn.relu(x);
    Operand<TFloat32> magnitude = tf.math.add(positive, tf.nn.relu(tf.math.neg(x)));
    return tf.math.add(positive, tf.math.log(tf.math.add(tf.constant(1f), tf.math.exp(tf.math.neg(magnitude)))));
  }

  /** A_log = log(1..state) in every row, as Mamba initialises it. */
  private static Init stateInit() {
    return (tf, shape, seed) -> {
      float[][] values = new float[(int) shape.get(0)][(int) shape.get(1)];
      for (float[] row : values) {
        for (int n = 0; n < row.length; n++) {
          row[n] = (float) Math.log(n + 1);
        }
      }
      return tf.constant(values);
    };
  }

  /**
   * The step-size bias Mamba initialises: softplus⁻¹ of step sizes spread log-uniformly over
   * [0.001, 0.1] across the channels (evenly, not at random, so that equal seeds need no state).
   */
  private static Init stepSizeBias(long channels) {
    return (tf, shape, seed) -> {
      float[] values = new float[(int) channels];
      for (int i = 0; i < channels; i++) {
        double fraction = channels == 1 ? 0.5 : (double) i / (channels - 1);
        double step = Math.exp(Math.log(0.001) + fraction * (Math.log(0.1) - Math.log(0.001)));
        values[i] = (float) (step + Math.log(-Math.expm1(-step)));
      }
      return tf.constant(values);
    };
  }
}
