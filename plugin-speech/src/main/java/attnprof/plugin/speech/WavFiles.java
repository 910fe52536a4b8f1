package attnprof.plugin.speech;

import attnprof.api.ProfilerException;
import attnprof.api.input.InputFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads WAV files (RIFF): PCM of 16, 24 or 32 bits and IEEE float of 32 bits, any number of
 * channels (mixed down to mono by their mean), any sample rate (resampled to 16 kHz by linear
 * interpolation). Anything else is refused in one line that says what the file is.
 */
final class WavFiles {
  static final int SAMPLE_RATE = 16_000;
  private static final int PCM = 1;
  private static final int IEEE_FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  private WavFiles() {
  }

  /** The file's samples at 16 kHz, mono, in [-1, 1]. */
  static float[] read(Path file) {
    byte[] bytes = InputFiles.read(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(buffer, 0).equals("RIFF") || !tag(buffer, 8).equals("WAVE")) {
      String looks = InputFiles.kindOf(bytes).map(kind -> " (it looks like " + kind + ")").orElse("");
      throw ProfilerException.user(file + " is not a WAV file" + looks + "; speech inputs are .wav files (PCM or float)");
    }
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int position = 12;
    while (position + 8 <= bytes.length) {
      String chunk = tag(buffer, position);
      long size = Integer.toUnsignedLong(buffer.getInt(position + 4));
      int body = position + 8;
      if (chunk.equals("fmt ") && size >= 16) {
        format = Short.toUnsignedInt(buffer.getShort(body));
        channels = Short.toUnsignedInt(buffer.getShort(body + 2));
        rate = buffer.getInt(body + 4);
        bits = Short.toUnsignedInt(buffer.getShort(body + 14));
        if (format == EXTENSIBLE && size >= 26) {
          format = Short.toUnsignedInt(buffer.getShort(body + 24));
        }
      } else if (chunk.equals("data")) {
        if (format < 0) {
          throw ProfilerException.user(file + " is a broken WAV file: its data comes before its format");
        }
        int length = (int) Math.min(size, bytes.length - body);
        float[] mono = mixDown(buffer, body, length, format, channels, bits, file);
        return resample(mono, rate);
      }
      position = body + (int) size + (int) (size & 1);
    }
    throw ProfilerException.user(file + " is a WAV file without audio data");
  }

  private static float[] mixDown(ByteBuffer buffer, int offset, int length, int format, int channels, int bits,
      Path file) {
    boolean pcm = format == PCM && (bits == 16 || bits == 24 || bits == 32);
    boolean floats = format == IEEE_FLOAT && bits == 32;
    if (!pcm && !floats || channels < 1) {
      throw ProfilerException.user(file + " is a WAV file of an unsupported encoding (format " + format + ", " + bits
          + " bits); convert it to 16-bit PCM, for example with: sox IN.wav -b 16 OUT.wav");
    }
    int frameBytes = channels * bits / 8;
    int frames = length / frameBytes;
    if (frames == 0) {
      throw ProfilerException.user(file + " is a WAV file without audio samples");
    }
    float[] mono = new float[frames];
    for (int i = 0; i < frames; i++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        int at = offset + i * frameBytes + c * bits / 8;
        sum += floats ? buffer.getFloat(at) : pcmSample(buffer, at, bits);
      }
      mono[i] = (float) (sum / channels);
    }
    return mono;
  }

  private static double pcmSample(ByteBuffer buffer, int at, int bits) {
    return switch (bits) {
      case 16 -> buffer.getShort(at) / 32768.0;
      case 24 -> ((buffer.get(at) & 0xff) | (buffer.get(at + 1) & 0xff) << 8 | buffer.get(at + 2) << 16) / 8388608.0;
      default -> buffer.getInt(at) / 2147483648.0;
    };
  }

  /** Linear-interpolation resampling to 16 kHz; the profile depends on the length, not the fidelity. */
  static float[] resample(float[] samples, int rate) {
    if (rate == SAMPLE_RATE) {
      return samples;
    }
    if (rate <= 0) {
      throw ProfilerException.user("the WAV file declares a sample rate of " + rate + " Hz");
    }
    int length = (int) Math.max(1, Math.round((double) samples.length * SAMPLE_RATE / rate));
    float[] resampled = new float[length];
    for (int i = 0; i < length; i++) {
      double source = (double) i * rate / SAMPLE_RATE;
      int below = (int) Math.floor(source);
      int above = Math.min(below + 1, samples.length - 1);
      double fraction = source - below;
      resampled[i] = (float) (samples[Math.min(below, samples.length - 1)] * (1 - fraction) + samples[above] * fraction);
    }
    return resampled;
  }

  private static String tag(ByteBuffer buffer, int at) {
    byte[] tag = new byte[4];
    for (int i = 0; i < 4; i++) {
      tag[i] = buffer.get(at + i);
    }
    return new String(tag, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
