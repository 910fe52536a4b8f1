package attnprof.plugin.vision;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vision modality through the real launcher, {@code ./attnprof}. */
class VisionLauncherIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(8));
  private static final List<String> VARIANTS = List.of("vision/vit", "vision/swin", "vision/glmix");

  @Test
  void listShowsTheThreeVisionVariantsWithVitAsBaseline() {
    attnprof.testkit.LauncherChecks.listsEachVariantAgainstTheFirst(LAUNCHER, "vision", VARIANTS, "vision/rgb-image");
  }

  @Test
  void describePrintsTheParameterCountOfVitB16() {
    attnprof.testkit.LauncherChecks.describesTheBaseParameterCount(LAUNCHER, "vision/vit", "86,567,656");
  }

  @Test
  void aTinySweepWritesARowForEveryPoint(@TempDir Path folder) throws Exception {
    // the run's folder inside the test's own; the database is inside the run's folder
    Path results = folder.resolve("run");
    Outcome outcome = LAUNCHER.attnprof("sweep", "--modality", "vision", "--preset", "tiny", "--lengths", "32,64",
        "--runs", "3", "--out", results.toString());

    attnprof.testkit.LauncherChecks.everyPointHasAnOkLatencyRow(outcome, results, VARIANTS, List.of(32.0, 64.0),
        "pixels");
  }

  @Test
  void aSideBelowTheSmallestImageIsRefusedBeforeAnyPoint(@TempDir Path folder) {
    Path results = folder.resolve("results");
    Outcome outcome = LAUNCHER.attnprof("--results", results.toString(), "sweep", "--variants", "vision/vit",
        "--preset", "tiny", "--lengths", "8");

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: vision lengths are from 32 to 8192 pixels, got 8\n");
    assertThat(results).doesNotExist();
  }

  @Test
  void aRealImageIsProfiledAndAWavFileIsRefused(@TempDir Path folder) throws Exception {
    Path photo = ImageInputsTest.writePng(folder.resolve("photo.png"), 48, 40, graphics -> {
      graphics.setColor(Color.ORANGE);
      graphics.fillOval(4, 4, 30, 30);
    });

    Outcome profiled = LAUNCHER.attnprof("sweep", "--variants", "vision/vit", "--preset", "tiny", "--inputs",
        photo.toString(), "--mode", "inference", "--runs", "1", "--out", folder.resolve("results").toString());
    assertThat(profiled.code()).as(profiled.err()).isZero();
    assertThat(Files.readString(folder.resolve("results/results.csv"))).contains(",photo.png,40,pixels,");

    Path wav = Files.write(folder.resolve("speech.wav"), "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1));
    Outcome refused = LAUNCHER.attnprof("sweep", "--variants", "vision/vit", "--inputs", wav.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("attnprof: " + wav
        + " is not an image (it looks like WAV audio); vision inputs are PNG, JPEG, BMP or GIF files\n");
  }
}
