package attnprof.plugin.speech;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import attnprof.api.input.InputDescriptor;
import attnprof.api.input.DescribedInputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.input.InputSpec;
import attnprof.api.input.LoadedInput;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * 16 kHz mono waveforms; lengths are seconds of audio. Synthetic inputs are Gaussian noise of
 * standard deviation 0.1; real inputs are WAV files, looped or cut to the requested length.
 */
public final class WaveformInputs extends DescribedInputGenerator {
  public static final String WAVEFORM = "waveform";
  private static final InputDescriptor DESCRIPTOR = new InputDescriptor("speech/waveform", Modality.SPEECH, "seconds",
      false, List.of(2.0, 10.0, 30.0), List.of(".wav"),
      "16 kHz mono waveforms: Gaussian noise for synthetic inputs; WAV files (PCM 16/24/32-bit or 32-bit float, "
          + "any channels mixed down, any rate resampled to 16 kHz)");

  public WaveformInputs() {
    super(DESCRIPTOR);
  }

  /** The number of samples of a length in seconds. */
  public static int samples(double seconds) {
    return (int) Math.round(seconds * WavFiles.SAMPLE_RATE);
  }

  /** An hour of audio. */
  @Override
  public double maximumLength() {
    return 3600;
  }

  @Override
  protected Tensor tensor(InputSpec spec, InputRequest request) {
    if (spec.type() != TFloat32.class || spec.shape().numDimensions() != 2) {
      throw ProfilerException.plugin("speech/waveform fills float32 [batch, samples] inputs, not " + spec, null);
    }
    int batch = (int) spec.shape().get(0);
    int samples = (int) spec.shape().get(1);
    float[] values = new float[batch * samples];
    if (request.source().isPresent()) {
      float[] audio = ((Recording) request.source().get()).samples();
      for (int i = 0; i < values.length; i++) {
        values[i] = audio[(i % samples) % audio.length];
      }
    } else {
      SplittableRandom random = new SplittableRandom(request.seed());
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (0.1 * gaussian(random));
      }
    }
    return TFloat32.tensorOf(spec.shape(), DataBuffers.of(values, true, false));
  }


  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public LoadedInput read(Path file) {
    return new Recording(file.getFileName().toString(), WavFiles.read(file));
  }

  /** A WAV file's samples at 16 kHz. */
  record Recording(String source, float[] samples) implements LoadedInput {
    @Override
    public double length() {
      return (double) samples.length / WavFiles.SAMPLE_RATE;
    }
  }
}
