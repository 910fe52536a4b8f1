package attnprof.engine.internal.measure;

import java.util.Locale;
import java.util.function.Consumer;

/** Logs how long each phase of a measuring process took, to the process' log. */
final class Phases {
  private final Consumer<String> log;
  private long last = System.nanoTime();

  Phases(Consumer<String> log) {
    this.log = log;
  }

  void done(String phase) {
    long now = System.nanoTime();
    log.accept(String.format(Locale.ROOT, "attnprof: %s in %.2f s", phase, (now - last) / 1e9));
    last = now;
  }
}
