package attnprof.plugin.speech.brq;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.ModelEvaluator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-graph log-mel filterbanks against SpeechBrain's {@code Fbank} computed directly in plain Java:
 * centred frames, a periodic Hamming window, a DFT summed term by term, SpeechBrain's triangular mel
 * filters, decibels floored 80 dB below the sequence's maximum.
 */
class LogMelFilterbankTest {
  private static final int SAMPLES = 5_000;

  @Test
  void matchesSpeechbrainsFbankComputedTermByTerm() {
    Random random = new Random(7);
    float[][] waveform = new float[2][SAMPLES];
    for (int b = 0; b < 2; b++) {
      for (int n = 0; n < SAMPLES; n++) {
        waveform[b][n] = (float) (0.3 * Math.sin(2 * Math.PI * (300 + 500 * b) * n / 16_000.0)
            + 0.05 * random.nextGaussian());
      }
    }

    float[] graph = ModelEvaluator.evaluate(tf -> LogMelFilterbank.apply(tf, tf.constant(waveform)));

    int frames = 1 + SAMPLES / 160;
    assertThat(graph).hasSize(2 * frames * 80);
    double[][] filters = melFilters();
    for (int b = 0; b < 2; b++) {
      double[][] decibels = new double[frames][80];
      double max = Double.NEGATIVE_INFINITY;
      for (int f = 0; f < frames; f++) {
        double[] power = powerSpectrum(waveform[b], f);
        for (int m = 0; m < 80; m++) {
          double energy = 0;
          for (int k = 0; k < 201; k++) {
            energy += power[k] * filters[k][m];
          }
          decibels[f][m] = 10 * Math.log10(Math.max(energy, 1e-10));
          max = Math.max(max, decibels[f][m]);
        }
      }
      for (int f = 0; f < frames; f++) {
        for (int m = 0; m < 80; m++) {
          double expected = Math.max(decibels[f][m], max - 80);
          assertThat((double) graph[(b * frames + f) * 80 + m]).as("sequence %d frame %d mel %d", b, f, m)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.02));
        }
      }
    }
  }

  @Test
  void theSpectrumIsCountedAsAnFftNotAsADftMatrixProduct() {
    int samples = 16_000;
    int frames = 1 + samples / 160;
    long counted = ModelEvaluator.flopsOf(tf -> LogMelFilterbank.apply(tf,
        tf.zeros(tf.constant(new long[] {1, samples}), org.tensorflow.types.TFloat32.class)));
    double fft = frames * 2.5 * 400 * Math.log(400) / Math.log(2);
    double windowMagnitudeAndPower = frames * (400 + 2 * 201);
    double mel = frames * 2.0 * 201 * 80;
    double logAndFloor = frames * 80 * 6.0;

    assertThat((double) counted).isCloseTo(fft + windowMagnitudeAndPower + mel + logAndFloor,
        org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void theFrontEndMakesTwentyFiveFramesASecond() {
    assertThat(LogMelFilterbank.frames(160_000)).isEqualTo(1001);
    assertThat(ConvolutionFrontEnd.frames(1001, 2)).isEqualTo(251);
    assertThat(ConvolutionFrontEnd.bins(80, 2)).isEqualTo(20);
  }

  /** |X_k|² of frame f: the waveform zero-padded by 200 on each side, 400 samples from 160·f. */
  private static double[] powerSpectrum(float[] waveform, int frame) {
    double[] power = new double[201];
    for (int k = 0; k < 201; k++) {
      double re = 0;
      double im = 0;
      for (int n = 0; n < 400; n++) {
        int sample = frame * 160 + n - 200;
        double x = sample >= 0 && sample < waveform.length ? waveform[sample] : 0;
        double window = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / 400);
        re += x * window * Math.cos(2 * Math.PI * k * n / 400);
        im -= x * window * Math.sin(2 * Math.PI * k * n / 400);
      }
      power[k] = re * re + im * im;
    }
    return power;
  }

  /** speechbrain.processing.features.Filterbank, triangular, f_min 0, f_max 8000, 80 mels, 201 bins. */
  private static double[][] melFilters() {
    double melMax = 2595 * Math.log10(1 + 8000 / 700.0);
    double[] hz = new double[82];
    for (int i = 0; i < 82; i++) {
      double mel = melMax * i / 81;
      hz[i] = 700 * (Math.pow(10, mel / 2595) - 1);
    }
    double[][] filters = new double[201][80];
    for (int m = 0; m < 80; m++) {
      double central = hz[m + 1];
      double band = hz[m + 1] - hz[m];
      for (int k = 0; k < 201; k++) {
        double frequency = 8000.0 * k / 200;
        double left = (frequency - central) / band + 1;
        double right = -(frequency - central) / band + 1;
        filters[k][m] = Math.max(0, Math.min(left, right));
      }
    }
    return filters;
  }
}
