package attnprof.engine.internal.fork;

import attnprof.engine.request.SweepRequest;
import java.nio.file.Path;

/**
 * Makes the fork executor of a sweep. Bound in the engine's Guice module; an embedder or a test may
 * bind another (one that fakes measurements, say).
 */
public interface ForkExecutors {

  /**
   * @param logFolder where measuring processes keep their output, or null
   */
  ForkExecutor create(SweepRequest request, Path logFolder);
}
