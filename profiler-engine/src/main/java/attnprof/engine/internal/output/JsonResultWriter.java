package attnprof.engine.internal.output;

import attnprof.engine.format.Json;
import attnprof.engine.result.ResultWriter;
import attnprof.engine.result.SweepResult;
import java.nio.file.Path;

/**
 * Writes {@code results.json}: the run's id, times, environment, every point with its measurements,
 * the flat rows, and the tipping points.
 */
public final class JsonResultWriter implements ResultWriter {
  public static final String RESULTS = "results.json";

  @Override
  public void write(SweepResult result, Path folder) {
    Json.write(folder.resolve(RESULTS), ResultsDocument.of(result));
  }
}
