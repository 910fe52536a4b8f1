package attnprof.plugin.speech.brq;

import attnprof.api.nn.Net;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Fixed sinusoidal position encodings (Vaswani et al.; SpeechBrain's {@code PositionalEncoding}):
 * sine at even channels, cosine at odd ones, frequencies 10000^(-2i/width).
 */
public final class SinusoidalPositions {
  private SinusoidalPositions() {
  }

  /** The encodings {@code [frames, width]} as one constant every layer of the model shares. */
  public static Operand<TFloat32> shared(Net net, long frames, long width) {
    return net.shared("sinusoidal-positions/" + frames + "/" + width, tf -> tf.constant(of(frames, width)));
  }

  /** The encodings {@code [frames, width]}. */
  static float[][] of(long frames, long width) {
    float[][] encoding = new float[(int) frames][(int) width];
    for (int t = 0; t < frames; t++) {
      for (int i = 0; i < width; i++) {
        encoding[t][i] = (float) value(t, i, width);
      }
    }
    return encoding;
  }

  /** The encoding of position {@code position} (any sign) at channel {@code channel}. */
  static double value(double position, int channel, long width) {
    double angle = position / Math.pow(10_000, 2.0 * (channel / 2) / width);
    return channel % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
  }
}
