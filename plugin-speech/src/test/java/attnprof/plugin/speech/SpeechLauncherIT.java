package attnprof.plugin.speech;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.ResultRow;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speech modality through the real launcher, {@code ./attnprof}. */
class SpeechLauncherIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(8));
  private static final List<String> VARIANTS = List.of("speech/hubert", "speech/l-hubert", "speech/summarymixing",
      "speech/hypermixing", "speech/fastformer", "speech/mamba");

  private static Outcome attnprof(String... args) {
    return LAUNCHER.attnprof(args);
  }

  @Test
  void listShowsTheSixSpeechVariantsWithHubertAsBaseline() throws Exception {
    Outcome outcome = attnprof("list");

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).containsPattern("speech/hubert +speech +\\(vanilla\\)");
    for (String variant : VARIANTS.subList(1, VARIANTS.size())) {
      assertThat(outcome.out()).containsPattern(variant + " +speech +speech/hubert");
    }
  }

  @Test
  void describePrintsTheParameterCountOfHubertBaseLs960() {
    Outcome outcome = attnprof("describe", "speech/hubert", "--preset", "base");

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("94,371,712 parameters");
  }

  @Test
  void aTinySweepWritesARowForEveryPointOfAllSixVariants(@TempDir Path folder) throws Exception {
    // the run's folder inside the test's own; the database is inside the run's folder
    Path results = folder.resolve("run");
    // every point of every variant, once: refinement and replicated forks are the text tests' subject
    Outcome outcome = attnprof("sweep", "--modality", "speech", "--preset", "tiny", "--lengths", "1,2", "--runs", "3",
        "--min-time", "100", "--forks", "1", "--refine", "none", "--out", results.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    List<ResultRow> rows = ResultsFolder.csvRows(results);
    assertThat(ResultsFolder.pointsWithoutOkRow(rows, "latency", VARIANTS, List.of(1.0, 2.0),
        List.of("inference", "training"))).isEmpty();
    assertThat(rows).allMatch(row -> row.lengthUnit().equals("seconds") && row.batch() == 1 && row.device().equals("cpu"));
    assertThat(outcome.out()).contains("Tipping points");
  }

  @Test
  void aRealRecordingIsProfiledAndATextFileIsRefused(@TempDir Path folder) throws Exception {
    ByteBuffer samples = ByteBuffer.allocate(24_000 * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 24_000; i++) {
      samples.putShort((short) (8000 * Math.sin(i / 10.0)));
    }
    Path wav = Files.write(folder.resolve("tone.wav"), WaveformInputsTest.wav(1, 1, 16_000, 16, samples.array()));
    Outcome recorded = attnprof("sweep", "--variants", "speech/hubert", "--preset", "tiny", "--inputs", wav.toString(),
        "--mode", "inference", "--runs", "1", "--out", folder.resolve("results").toString());
    assertThat(recorded.code()).as(recorded.err()).isZero();
    assertThat(Files.readString(folder.resolve("results/results.csv"))).contains(",tone.wav,1.5,seconds,");

    Path text = Files.writeString(folder.resolve("notes.txt"), "not audio");
    Outcome refused = attnprof("sweep", "--variants", "speech/hubert", "--inputs", text.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("attnprof: " + text
        + " is not a WAV file; speech inputs are .wav files (PCM or float)\n");
  }
}
