package attnprof.engine.result;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a sweep's results to files in its output folder. Called after every point with the
 * results so far (so that nothing is lost when the sweep is stopped), and once more at the end;
 * or, for writers whose files take long to make (charts, the report), only at the end.
 * Bound in the engine's Guice module as a set; an embedder may add its own.
 */
public interface ResultWriter {
  /** Writes (or rewrites) this writer's files for the result in {@code folder}. */
  void write(SweepResult result, Path folder) throws IOException;

  /** Whether to write after every point (true, the default) or only when the sweep ends. */
  default boolean afterEveryPoint() {
    return true;
  }
}
