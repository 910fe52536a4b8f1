package attnprof.plugin.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.device.Availability;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA plugin as users get it: a jar in the launcher's plugins folder. On a machine where
 * {@code cuda:0} cannot run, the launcher says why in one line; without the jar there is no such
 * device and everything else works.
 */
class CudaLauncherIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));

  private static Availability here() {
    return new CudaDevice().availability("cuda:0");
  }

  @Test
  void theBuildDropsThePluginJarIntoThePluginsFolder() {
    assertThat(Path.of("..", "plugins", "plugin-hardware-cuda.jar")).isRegularFile();
  }

  @Test
  void listShowsTheCudaDeviceWithWhetherItCanRunAndWhy() {
    Outcome outcome = LAUNCHER.attnprof("list");

    assertThat(outcome.code()).as(outcome.err()).isZero();
    Availability availability = here();
    // the reason wraps to the terminal's width: compared with line breaks as spaces
    assertThat(outcome.out().replaceAll("\\s+", " ")).containsPattern("cuda " + (availability.available() ? "yes" : "no")
        + " " + java.util.regex.Pattern.quote(availability.reason().replaceAll("\\s+", " ")));
  }

  @Test
  void aSweepOnACudaDeviceThatCannotRunIsOneLineAndExitCodeTwo() {
    Availability availability = here();
    if (availability.available()) {
      System.out.println("cuda:0 can run here; the refusal is checked on machines without one");
      return;
    }
    Outcome outcome = LAUNCHER.attnprof("sweep", "--device", "cuda:0", "--preset", "tiny");

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: device `cuda:0` cannot run: " + availability.reason() + "\n");
  }

  @Test
  void withoutThePluginJarThereIsNoCudaDeviceAndEverythingElseWorks(@TempDir Path folder) throws Exception {
    Path empty = Files.createDirectories(folder.resolve("plugins"));

    Outcome listed = LAUNCHER.attnprof("--plugins", empty.toString(), "list");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).doesNotContainPattern("(?m)^cuda ").containsPattern("(?m)^cpu +yes");

    Outcome unknown = LAUNCHER.attnprof("--plugins", empty.toString(), "sweep", "--device", "cuda:0");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("attnprof: no device").contains("cpu");

    Outcome swept = LAUNCHER.attnprof("--plugins", empty.toString(), "sweep", "--variants", "text/bert", "--preset",
        "tiny", "--lengths", "16", "--mode", "inference", "--runs", "1", "--out", folder.resolve("run").toString());
    assertThat(swept.code()).as(swept.err()).isZero();
  }
}
