package attnprof.plugin.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.ProfilerException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaveformInputsTest {

  @Test
  void stereo16BitPcmAt8KilohertzIsMixedDownAndResampled(@TempDir Path folder) throws Exception {
    int frames = 8000;
    ByteBuffer samples = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      samples.putShort((short) 16384).putShort((short) 0); // left 0.5, right 0
    }
    Path wav = Files.write(folder.resolve("stereo.wav"), wav(1, 2, 8000, 16, samples.array()));

    WaveformInputs.Recording recording = (WaveformInputs.Recording) new WaveformInputs().read(wav);

    assertThat(recording.length()).isCloseTo(1.0, within(1e-9));
    assertThat(recording.samples()).hasSize(16_000);
    assertThat((double) recording.samples()[123]).isCloseTo(0.25, within(1e-6));
  }

  @Test
  void floatSamplesAreReadAsTheyAre(@TempDir Path folder) throws Exception {
    ByteBuffer samples = ByteBuffer.allocate(16_000 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 16_000; i++) {
      samples.putFloat(-0.75f);
    }
    Path wav = Files.write(folder.resolve("float.wav"), wav(3, 1, 16_000, 32, samples.array()));

    float[] read = WavFiles.read(wav);
    assertThat(read).hasSize(16_000);
    assertThat(read[0]).isEqualTo(-0.75f);
  }

  @Test
  void aTextFileIsRefusedInOneLine(@TempDir Path folder) throws Exception {
    Path text = Files.writeString(folder.resolve("notes.txt"), "hello world");

    assertThatThrownBy(() -> new WaveformInputs().read(text)).isInstanceOf(ProfilerException.class)
        .hasMessage(text + " is not a WAV file; speech inputs are .wav files (PCM or float)");
  }

  static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
    header.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
        .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
    header.put("data".getBytes()).putInt(data.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(data);
    return out.toByteArray();
  }
}
