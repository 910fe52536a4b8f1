package attnprof.plugin.speech;

import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * HyperMixer's token mixing (Mai, Pannatier, Fehr, Chen, Marfurt, Fleuret, Henderson, ACL 2023),
 * linear in length: hypernetworks make the token-mixing weights from the input itself,
 * W₁ = h₁(X + P) and W₂ = h₂(X + P) ({@code [frames, units]}, P sinusoidal positions, each h a
 * GELU MLP with parts {@code hyper_in_1}, {@code hyper_in_2}, {@code hyper_out_1},
 * {@code hyper_out_2}), and the output is W₂ · GELU(W₁ᵀ · X). Padding frames get zero weights.
 */
final class HyperMixing implements TokenMixer {
  private final long hidden;
  private final long units;

  HyperMixing(long hidden, long units) {
    this.hidden = hidden;
    this.units = units;
  }

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x.values());
    Operand<TFloat32> positioned = tf.math.add(x.values(), tf.constant(positions(dims[1], dims[2])));
    Operand<TFloat32> in = hypernetwork(net, "hyper_in", positioned);
    Operand<TFloat32> out = hypernetwork(net, "hyper_out", positioned);
    if (x.padded()) {
      Operand<TFloat32> real = tf.constant(realFrames(dims[1], x.valid()));
      in = tf.math.mul(in, real);
      out = tf.math.mul(out, real);
    }
    Operand<TFloat32> inTransposed = tf.linalg.transpose(in, tf.constant(new int[] {0, 2, 1}));
    Operand<TFloat32> mixed = Layers.gelu(tf, Layers.batchMatMul(tf, inTransposed, x.values(), false));
    return Layers.batchMatMul(tf, out, mixed, false);
  }

  private Operand<TFloat32> hypernetwork(Net net, String name, Operand<TFloat32> x) {
    Operand<TFloat32> inner = Layers.gelu(net.tf(), Layers.dense(net.part(name + "_1"), x, hidden));
    return Layers.dense(net.part(name + "_2"), inner, units);
  }

  /** Sinusoidal position encodings {@code [frames, width]} (Vaswani et al.). */
  static float[][] positions(long frames, long width) {
    float[][] encoding = new float[(int) frames][(int) width];
    for (int t = 0; t < frames; t++) {
      for (int i = 0; i < width; i++) {
        double angle = t / Math.pow(10_000, 2.0 * (i / 2) / width);
        encoding[t][i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    return encoding;
  }

  private static float[][] realFrames(long frames, long valid) {
    float[][] mask = new float[(int) frames][1];
    for (int t = 0; t < valid; t++) {
      mask[t][0] = 1f;
    }
    return mask;
  }
}
