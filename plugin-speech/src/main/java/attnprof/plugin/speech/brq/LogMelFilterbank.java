package attnprof.plugin.speech.brq;

import attnprof.api.nn.Layers;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * 80-bin log-mel filterbanks of a 16 kHz waveform, in the graph, as SpeechBrain's {@code Fbank}
 * computes them with the BEST-RQ study's settings (n_fft 400, a 10 ms hop, 80 mels; the streaming
 * SummaryMixing recipe's n_fft 512 with a window as long, 32 ms, is {@link #apply(Ops, Operand, int)}):
 * the waveform is padded with n_fft/2 zeros on each side ({@code center=True}, constant padding), cut
 * into frames of n_fft samples every 160 (1 + samples/160 frames), weighed by a periodic Hamming window
 * of n_fft; the power spectrum |X_k|² of the n_fft/2 + 1 one-sided bins; SpeechBrain's triangular mel filters from 0 to 8 kHz;
 * 10·log10(max(x, 1e-10)), floored at 80 dB below each sequence's maximum.
 *
 * <p>The spectrum is TensorFlow's {@code RFFT} op followed by {@code ComplexAbs}: TensorFlow Java
 * 1.1.0 has no Java type for complex tensors, so the two ops are built by type name and only the
 * magnitude, a float tensor, reaches Java's typed API. Frames are cut by slicing, not gathering, so no
 * constant grows with the input. Nothing here has weights, so training never differentiates it.
 */
public final class LogMelFilterbank {
  static final int SAMPLE_RATE = 16_000;
  static final int FFT_SIZE = 400;
  static final int HOP = 160;
  static final int MELS = 80;
  static final double TOP_DB = 80;
  static final double AMPLITUDE_FLOOR = 1e-10;

  private LogMelFilterbank() {
  }

  /** The frames of a waveform of this many samples. */
  static int frames(int samples) {
    return 1 + samples / HOP;
  }

  /** {@code [batch, samples]} to {@code [batch, frames, 80]}, with the BEST-RQ study's n_fft of 400. */
  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> waveform) {
    return apply(tf, waveform, FFT_SIZE);
  }

  /** {@code [batch, samples]} to {@code [batch, frames, 80]}, with windows of {@code fftSize} samples. */
  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> waveform, int fftSize) {
    long[] dims = Layers.dims(waveform);
    long batch = dims[0];
    int samples = Math.toIntExact(dims[1]);
    int frames = frames(samples);
    // whole hops: frame f is hops f to f + whole - 1 and the first `rest` samples of hop f + whole
    int whole = fftSize / HOP;
    int rest = fftSize % HOP;
    int hops = frames + whole - (rest == 0 ? 1 : 0);
    long after = Math.max(fftSize / 2, (long) hops * HOP - samples - fftSize / 2);
    Operand<TFloat32> padded = Layers.sliceAxis(tf, Layers.padAxis(tf, waveform, 1, fftSize / 2, after), 1, 0,
        (long) hops * HOP);
    Operand<TFloat32> byHop = Layers.reshape(tf, padded, batch, hops, HOP);
    List<Operand<TFloat32>> pieces = new java.util.ArrayList<>();
    for (int hop = 0; hop < whole; hop++) {
      pieces.add(Layers.sliceAxis(tf, byHop, 1, hop, frames + hop));
    }
    if (rest > 0) {
      pieces.add(Layers.sliceAxis(tf, Layers.sliceAxis(tf, byHop, 1, whole, frames + whole), 2, 0, rest));
    }
    Operand<TFloat32> cut = tf.concat(pieces, tf.constant(2));
    Operand<TFloat32> rows = tf.math.mul(Layers.reshape(tf, cut, batch * frames, fftSize), tf.constant(window(fftSize)));
    Operand<TFloat32> power = tf.math.square(magnitude(tf, rows, fftSize));
    Operand<TFloat32> mel = tf.linalg.matMul(power, tf.constant(melFilters(fftSize)));
    Operand<TFloat32> decibels = tf.math.mul(tf.constant((float) (10 / Math.log(10))),
        tf.math.log(tf.math.maximum(mel, tf.constant((float) AMPLITUDE_FLOOR))));
    Operand<TFloat32> perSequence = Layers.reshape(tf, decibels, batch, frames * MELS);
    Operand<TFloat32> floor = tf.math.sub(tf.max(perSequence, tf.constant(1), org.tensorflow.op.core.Max.keepDims(true)),
        tf.constant((float) TOP_DB));
    return Layers.reshape(tf, tf.math.maximum(perSequence, floor), batch, frames, MELS);
  }

  /** The periodic Hamming window, 0.54 - 0.46·cos(2πn/400) (torch.hamming_window's default). */
  static float[] window() {
    return window(FFT_SIZE);
  }

  /** The periodic Hamming window of {@code size} samples, 0.54 - 0.46·cos(2πn/size). */
  static float[] window(int size) {
    float[] window = new float[size];
    for (int n = 0; n < size; n++) {
      window[n] = (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * n / size));
    }
    return window;
  }

  /** |X_k| of the one-sided DFT of every row of {@code [rows, n]}: {@code [rows, n/2 + 1]}. */
  private static Operand<TFloat32> magnitude(Ops tf, Operand<TFloat32> rows, int fftSize) {
    GraphOperation spectrum = (GraphOperation) tf.scope().opBuilder("RFFT", "rfft")
        .addInput(rows.asOutput()).addInput(tf.constant(new int[] {fftSize}).asOutput()).build();
    GraphOperation magnitude = (GraphOperation) tf.scope().opBuilder("ComplexAbs", "complex_abs")
        .addInput(spectrum.output(0)).setAttr("Tout", DataType.DT_FLOAT).build();
    return magnitude.output(0);
  }

  /**
   * SpeechBrain's {@code Filterbank} matrix {@code [201, 80]}: mel = 2595·log10(1 + f/700), 82
   * points evenly spaced in mel from 0 Hz to 8 kHz; filter m centred at point m + 1 with a band as
   * wide as the gap below it, max(0, min(1 + s, 1 - s)) with s = (f - centre)/band.
   */
  static float[][] melFilters() {
    return melFilters(FFT_SIZE);
  }

  /** The filters for {@code fftSize / 2 + 1} one-sided bins. */
  static float[][] melFilters(int fftSize) {
    int bins = fftSize / 2 + 1;
    double top = toMel(SAMPLE_RATE / 2.0);
    double[] hertz = new double[MELS + 2];
    for (int i = 0; i < hertz.length; i++) {
      hertz[i] = 700 * (Math.pow(10, top * i / (MELS + 1) / 2595) - 1);
    }
    float[][] filters = new float[bins][MELS];
    for (int m = 0; m < MELS; m++) {
      double centre = hertz[m + 1];
      double band = hertz[m + 1] - hertz[m];
      for (int k = 0; k < bins; k++) {
        double frequency = (SAMPLE_RATE / 2.0) * k / (bins - 1);
        double slope = (frequency - centre) / band;
        filters[k][m] = (float) Math.max(0, Math.min(1 + slope, 1 - slope));
      }
    }
    return filters;
  }

  private static double toMel(double hertz) {
    return 2595 * Math.log10(1 + hertz / 700);
  }
}
