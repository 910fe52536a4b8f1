package attnprof.example.linear;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.Launcher;
import attnprof.testkit.PluginJar;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's jar dropped into a plugins folder: one mixer, a variant on each modality's vanilla body. */
class LinearAttentionIT {
  private static final Launcher LAUNCHER = Launcher.fromRoot(Path.of("..", ".."), Duration.ofMinutes(5));

  @Test
  void theJarInAPluginsFolderAddsAVariantToEachModalityThatSweepsAgainstItsBaseline(@TempDir Path folder)
      throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    Files.copy(Path.of("target", "linear-attention.jar"), plugins.resolve("linear-attention.jar"));

    Outcome list = LAUNCHER.attnprof("--plugins", plugins.toString(), "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).containsPattern("text/linear-attention +text +text/bert ")
        .containsPattern("attnprof.example.linear")
        .containsPattern("speech/linear-attention +speech +speech/hubert ")
        .containsPattern("vision/linear-attention +vision +vision/vit ")
        .contains("none: every plugin loaded");

    String[][] sweeps = {{"text/bert", "text/linear-attention", "64,128"},
        {"speech/hubert", "speech/linear-attention", "1,2"}, {"vision/vit", "vision/linear-attention", "32,64"}};
    for (String[] sweep : sweeps) {
      Path out = folder.resolve(sweep[1].replace('/', '_'));
      Outcome swept = LAUNCHER.attnprof("--plugins", plugins.toString(), "sweep", "--variants", sweep[0] + ","
          + sweep[1], "--preset", "tiny", "--lengths", sweep[2], "--mode", "inference", "--metrics", "latency",
          "--runs", "2", "--forks", "1", "--min-time", "50", "--refine", "none", "--in-process", "--out",
          out.toString());

      assertThat(swept.code()).as(swept.err()).isZero();
      assertThat(swept.out()).contains("Tipping points").contains("against " + sweep[0] + " | inference")
          .containsPattern("(?m)^" + sweep[1] + " +latency ");
      assertThat(ResultsFolder.csvRows(out)).hasSize(4).allSatisfy(row -> assertThat(row.status()).isEqualTo("ok"));
    }
  }

  @Test
  void verifyPassesEveryConformanceCheckOnTheExamplesJar() {
    Outcome verified = LAUNCHER.attnprof("verify", Path.of("target", "linear-attention.jar").toString());

    assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("verifying text/linear-attention, speech/linear-attention")
        .contains("  ok    linear-attention: no real token's output depends on the padding")
        .containsPattern("(?m)^[0-9]+ checks: [0-9]+ passed, 0 failed, 0 skipped$");
  }

  @Test
  void verifyNamesTheCheckAMixerThatReadsPaddingFails(@TempDir Path folder) throws Exception {
    Path jar = PluginJar.build(folder.resolve("reads-padding.jar"), Map.of(
        "module-info.java", """
            module example.reads.padding {
              requires attnprof.api;
              provides attnprof.api.mixer.MixerProvider with padding.ReadsPadding;
            }
            """,
        "padding/ReadsPadding.java", """
            package padding;

            import attnprof.api.mixer.*;
            import attnprof.api.nn.TokenMixer;
            import org.tensorflow.op.math.Mean;

            /** Adds the mean of every token, padding included, to each token: padding reaches real tokens. */
            public final class ReadsPadding implements MixerProvider {
              @Override
              public MixerDescriptor descriptor() {
                return MixerDescriptor.builder("reads-padding").paper("a test").bodies("text/bert").build();
              }

              @Override
              public TokenMixer create(MixerContext context) {
                return (net, x) -> net.tf().math.add(x.values(),
                    net.tf().math.mean(x.values(), net.tf().constant(1), Mean.keepDims(true)));
              }
            }
            """));

    Outcome verified = LAUNCHER.attnprof("verify", jar.toString());

    assertThat(verified.code()).as(verified.out() + verified.err()).isEqualTo(1);
    assertThat(verified.out()).contains("verifying text/reads-padding, mixer reads-padding")
        .containsPattern("(?m)^  FAIL  reads-padding: no real token's output depends on the padding: .+$")
        .containsPattern("(?m)^  FAIL  text/reads-padding: no real token's output depends on padding: .+$")
        .containsPattern("(?m)^[0-9]+ checks: [0-9]+ passed, [1-9][0-9]* failed, [0-9]+ skipped$");
  }
}
