package attnprof.plugin.speech.mixers;

import attnprof.plugin.speech.brq.SinusoidalPositions;
import attnprof.api.model.Component;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * HyperMixer's token mixing (Mai, Pannatier, Fehr, Chen, Marfurt, Fleuret, Henderson, ACL 2023),
 * linear in length, multi-head as {@code speechbrain/nnet/hypermixing.py} builds it (untied, the
 * hidden size not kept per head): two hypernetworks, each a GELU MLP per head ({@code ParallelMLPs}:
 * width/heads to width/heads to {@code hypernetSize}/heads; parts {@code hyper_w1_1},
 * {@code hyper_w1_2}, {@code hyper_w2_1}, {@code hyper_w2_2}), make per head the token-mixing
 * weights W₁ and W₂ ({@code [frames, hypernetSize/heads]}) from X + P, P the sinusoidal positions;
 * each head's slice X_h of the width becomes W₂ · GELU(W₁ᵀ · X_h); the heads are joined and layer
 * normalised ({@code norm}). Padding frames are zeroed and get zero weights.
 *
 * @param heads the mixing heads ({@code num_heads})
 * @param hypernetSize the generated MLP's hidden units, over all heads ({@code hypernet_size})
 * @param epsilon the final layer normalisation's epsilon
 */
public record HyperMixing(long heads, long hypernetSize, double epsilon) implements TokenMixer {

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x.values());
    long batch = dims[0];
    long frames = dims[1];
    if (hypernetSize % heads != 0) {
      throw new IllegalArgumentException("hypernet size " + hypernetSize + " is not a multiple of " + heads + " heads");
    }
    Operand<TFloat32> input = x.values();
    Operand<TFloat32> real = null;
    if (x.padded()) {
      real = tf.constant(realFrames(frames, x.valid()));
      input = tf.math.mul(input, real);
    }
    Operand<TFloat32> positioned = Headwise.split(tf, tf.math.add(input, SinusoidalPositions.shared(net, frames, dims[2])), heads);
    Operand<TFloat32> w1 = perSequence(tf, hypernetwork(net, "hyper_w1", positioned, dims[2]), batch, frames);
    Operand<TFloat32> w2 = perSequence(tf, hypernetwork(net, "hyper_w2", positioned, dims[2]), batch, frames);
    if (real != null) {
      w1 = tf.math.mul(w1, real);
      w2 = tf.math.mul(w2, real);
    }
    // per head and sequence: [frames, size] -> W1ᵀ X [units, size] -> W2 · GELU(.) [frames, size]
    Operand<TFloat32> slices = perSequence(tf, Headwise.split(tf, input, heads), batch, frames);
    Operand<TFloat32> hidden = Layers.gelu(tf, Layers.batchMatMul(tf, w1, slices, true, false));
    Operand<TFloat32> mixed = Layers.batchMatMul(tf, w2, hidden, false);
    long size = dims[2] / heads;
    Operand<TFloat32> joined = Headwise.merge(tf, Layers.reshape(tf, mixed, heads, batch * frames, size), batch, frames);
    return Layers.layerNorm(net.part("norm").in(Component.NORM), joined, epsilon);
  }

  /** A hypernetwork: per head, width/heads to width/heads (GELU) to hypernetSize/heads. */
  private Operand<TFloat32> hypernetwork(Net net, String name, Operand<TFloat32> perHead, long width) {
    Operand<TFloat32> inner = Layers.gelu(net.tf(), Headwise.dense(net.part(name + "_1"), perHead, width / heads));
    return Headwise.dense(net.part(name + "_2"), inner, hypernetSize / heads);
  }

  /** {@code [heads, batch * frames, n]} to {@code [heads, batch, frames, n]}. */
  private static Operand<TFloat32> perSequence(Ops tf, Operand<TFloat32> x, long batch, long frames) {
    long[] dims = Layers.dims(x);
    return Layers.reshape(tf, x, dims[0], batch, frames, dims[2]);
  }

  /** 1 for the real frames, 0 for padding: {@code [frames, 1]}. */
  static float[][] realFrames(long frames, long valid) {
    float[][] mask = new float[(int) frames][1];
    for (int t = 0; t < valid; t++) {
      mask[t][0] = 1f;
    }
    return mask;
  }
}
