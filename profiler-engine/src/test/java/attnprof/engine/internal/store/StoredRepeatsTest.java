package attnprof.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import attnprof.engine.internal.point.PointKey;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointSpec;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredRepeatsTest {
  private static final Quantity LATENCY = new Quantity("latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, "t");
  private static final RunEnvironment HERE = new RunEnvironment("cpu <model>", 2, 1L << 30, "Linux", "17", "2.18",
      "0.1", "cpu", Map.of());
  private static final RunEnvironment ELSEWHERE = new RunEnvironment("cpu <model>", 4, 1L << 30, "Linux", "17",
      "2.18", "0.1", "cpu", Map.of());
  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void aPointIsRepeatedByTheRunsThatMeasuredTheSameConfigurationOnTheSameMachine(@TempDir Path folder) {
    Path database = folder.resolve(ResultStore.FILE_NAME);
    PointResult first = point("tiny", 16, 1.0);
    PointResult again = point("tiny", 16, 1.3);
    try (ResultStore store = ResultStore.open(database)) {
      save(store, "run-1", HERE, 0, first, point("tiny", 32, 2.0), beside(first));
      save(store, "run-2", HERE, 60, again, beside(again));
      save(store, "run-3", ELSEWHERE, 120, point("tiny", 16, 0.5));
      save(store, "run-4", HERE, 180, point("small", 16, 9.0));
      save(store, "run-5", HERE, 240, failed(16));
    }
    SweepResult result = new SweepResult("run-1", START, START, HERE, List.of(first, point("tiny", 32, 2.0),
        beside(first)), List.of(), List.of(), List.of(), folder, true);

    // Longformer, measured beside BERT in the same processes, drifted with it: it does not count again
    assertThat(StoredRepeats.of(database, result)).containsExactly(List.of(first, again));
    assertThat(StoredRepeats.of(folder.resolve("none.db"), result)).isEmpty();
  }

  private static void save(ResultStore store, String runId, RunEnvironment environment, long at,
      PointResult... points) {
    store.startRun(runId, START.plusSeconds(at), SweepRequest.builder().build(), null, environment, points.length);
    for (int i = 0; i < points.length; i++) {
      PointSpec spec = points[i].point();
      store.savePoint(runId, new PointKey(spec.variant(), spec.input(), spec.length(), spec.mode(), spec.batch()), i,
          points[i], List.of(), START.plusSeconds(at + i));
    }
    store.finishRun(runId, START.plusSeconds(at + 10), true);
  }

  private static PointResult point(String preset, double length, double milliseconds) {
    return new PointResult(spec(preset, length), PointStatus.OK, List.of(Measurement.ofRuns(LATENCY, milliseconds,
        milliseconds * 1.1, milliseconds * 0.9)), 1000, List.of(), "", 1, List.of());
  }

  /** Longformer measured side by side with a BERT point. */
  private static PointResult beside(PointResult bert) {
    PointSpec spec = bert.point();
    return new PointResult(new PointSpec("text/longformer", "text/bert", spec.modality(), spec.preset(),
        spec.config(), spec.input(), spec.length(), spec.lengthUnit(), spec.batch(), spec.mode(), spec.device(),
        false), PointStatus.OK, bert.measurements(), 1000, List.of(), "", 1, List.of());
  }

  private static PointResult failed(double length) {
    return new PointResult(spec("tiny", length), PointStatus.OOM, List.of(), 1000, List.of(), "out of memory", 1,
        List.of());
  }

  private static PointSpec spec(String preset, double length) {
    return new PointSpec("text/bert", "", "text", preset, Map.of("layers", preset.equals("tiny") ? "2" : "4"),
        "synthetic", length, "tokens", 1, Mode.INFERENCE, "cpu", false);
  }
}
