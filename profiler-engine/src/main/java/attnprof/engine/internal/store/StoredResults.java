package attnprof.engine.internal.store;

import attnprof.engine.result.PointResult;
import attnprof.engine.result.Figure;
import attnprof.engine.result.SweepResult;
import attnprof.engine.internal.tipping.TippingPointFinder;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a stored run back as the result its sweep returned, from the database alone. */
public final class StoredResults {
  private final TippingPointFinder tippingPointFinder;

  @Inject
  public StoredResults(TippingPointFinder tippingPointFinder) {
    this.tippingPointFinder = tippingPointFinder;
  }

  public SweepResult read(Path database, String runId) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      StoredRun run = store.run(runId);
      List<PointResult> measured = new ArrayList<>(store.points(runId).values());
      List<Figure> figures = Figure.ofRows(store.rows(runId), measured);
      var analysis = tippingPointFinder.analyse(figures, measured,
          attnprof.engine.internal.stats.Comparisons.Settings.of(run.request()));
      return new SweepResult(runId, run.startedAt(), run.finishedAt(), run.environment(), measured, figures,
          analysis.tippingPoints(), analysis.comparisons(), run.request().outputDirectory(), run.complete());
    }
  }
}
