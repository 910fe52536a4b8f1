package attnprof.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Installs Debian packages a test needs (a real browser, a corpus of sound files) with {@code apt-get}, when the test
 * runs as root on a machine that has it; says why it could not otherwise, for the test to skip with.
 */
public final class DebianPackages {
  private DebianPackages() {
  }

  /**
   * Installs {@code packages} (refreshing the package lists first).
   *
   * @return empty when they were installed, else why not
   */
  public static String install(String... packages) throws IOException, InterruptedException {
    String names = String.join(" ", packages);
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return names + " is not installed and there is no apt-get to install it with";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return names + " is not installed, and installing Debian's package needs root";
    }
    Process install = new ProcessBuilder("sh", "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " + names)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!install.waitFor(15, TimeUnit.MINUTES)) {
      install.destroyForcibly();
      return "installing Debian's " + names + " took more than 15 minutes";
    }
    return install.exitValue() == 0 ? "" : "apt-get install " + names + " failed with exit code "
        + install.exitValue();
  }
}
