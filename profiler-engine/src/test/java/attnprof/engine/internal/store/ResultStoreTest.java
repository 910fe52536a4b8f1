package attnprof.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointSpec;
import attnprof.engine.internal.point.PointKey;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.request.SweepRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
  private static final Quantity LATENCY = new Quantity("latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, "t");
  private static final RunEnvironment ENVIRONMENT = new RunEnvironment("cpu <model>", 2, 1L << 30, "Linux", "17",
      "2.18", "0.1", "cpu", Map.of("kind", "host"));
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  private static PointResult point(double length, PointStatus status) {
    return new PointResult(new PointSpec("text/bert", "", "text", "tiny", Map.of("layers", "2"), "synthetic", length,
        "tokens", 1, Mode.INFERENCE, "cpu", false), status, status == PointStatus.OK
            ? List.of(Measurement.ofRuns(LATENCY, 1.0 * length, 1.1 * length, 0.9 * length))
            : List.of(), 1000, List.of("note"), status == PointStatus.OK ? "" : "ran out of memory", 2.5, List.of());
  }

  private static final PointKey A = new PointKey("text/bert", "synthetic", 16, Mode.INFERENCE, 1);
  private static final PointKey B = new PointKey("text/bert", "synthetic", 32, Mode.INFERENCE, 1);

  private static List<ResultRow> rows(PointResult point) {
    return attnprof.engine.result.Figure.of(point, List.of(LATENCY)).stream()
        .map(figure -> ResultRow.of("run-1", figure, ENVIRONMENT)).toList();
  }

  @Test
  void aRunItsRequestAndItsPointsReadBackAsStored(@TempDir Path folder) {
    SweepRequest request = SweepRequest.builder().variants("text/bert").preset("tiny").lengths(16, 32).runs(3)
        .outputDirectory(folder.resolve("run-1")).build();
    try (ResultStore store = ResultStore.open(folder.resolve(ResultStore.FILE_NAME))) {
      store.startRun("run-1", START, request, null, ENVIRONMENT, 2);
      PointResult first = point(16, PointStatus.OK);
      store.savePoint("run-1", A, 0, first, rows(first), START.plusSeconds(5));

      StoredRun run = store.run("run-1");
      assertThat(run.complete()).isFalse();
      assertThat(run.planned()).isEqualTo(2);
      assertThat(run.stored()).isEqualTo(1);
      assertThat(run.environment()).isEqualTo(ENVIRONMENT);
      assertThat(run.request()).isEqualTo(SweepRequest.builder().variants("text/bert").preset("tiny")
          .lengths(16, 32).runs(3).outputDirectory(folder.resolve("run-1").toAbsolutePath()).build());
      assertThat(store.points("run-1")).containsExactly(Map.entry(A, first));
      assertThat(store.rows("run-1")).isEqualTo(rows(first));

      PointResult second = point(32, PointStatus.OOM);
      store.savePoint("run-1", B, 1, second, rows(second), START.plusSeconds(9));
      store.finishRun("run-1", START.plusSeconds(10), true);
      assertThat(store.runs()).singleElement().satisfies(r -> {
        assertThat(r.complete()).isTrue();
        assertThat(r.stored()).isEqualTo(2);
        assertThat(r.finishedAt()).isEqualTo(START.plusSeconds(10));
      });
      assertThat(store.rows("run-1")).extracting(ResultRow::status).containsExactly("ok", "oom");
    }
  }

  @Test
  void aPointStoredAgainWithMoreForksReplacesItsEarlierSelfAndItsRows(@TempDir Path folder) {
    try (ResultStore store = storeWithOneRun(folder)) {
      PointResult point = point(16, PointStatus.OK);
      store.savePoint("run-1", A, 0, point, rows(point), START);
      PointResult again = point(17, PointStatus.OK);
      store.savePoint("run-1", A, 0, again, rows(again), START.plusSeconds(1));

      assertThat(store.points("run-1")).containsExactly(Map.entry(A, again));
      assertThat(store.rows("run-1")).singleElement().satisfies(row -> assertThat(row.length()).isEqualTo(17));
      assertThat(store.run("run-1").stored()).isEqualTo(1);
    }
  }

  @Test
  void aPointThatCannotBeStoredLeavesNoRowsBehind(@TempDir Path folder) {
    try (ResultStore store = storeWithOneRun(folder)) {
      PointResult point = point(16, PointStatus.OK);
      store.savePoint("run-1", A, 0, point, rows(point), START);
      // a row that cannot be written breaks the insert after the rows of the old point were removed: all of it
      // rolls back
      assertThatThrownBy(() -> store.savePoint("run-1", A, 0, point, java.util.Arrays.asList((ResultRow) null), START))
          .hasMessageContaining("cannot store point text/bert|synthetic|16|inference|1 of run-1");
      assertThat(store.rows("run-1")).hasSize(1);
    }
  }

  @Test
  void connectionsOpeningOneNewDatabaseAtOnceEachGetARunInsteadOfALockedError(@TempDir Path folder) throws Exception {
    // SQLite locks a file per connection as it does per process: eight sweeps starting at once on one results folder
    for (int round = 0; round < 20; round++) {
      Path file = folder.resolve("r" + round).resolve(ResultStore.FILE_NAME);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ids.add(pool.submit(() -> {
          start.await();
          try (ResultStore store = ResultStore.open(file)) {
            return store.startRun("run", START, SweepRequest.builder().build(), null, ENVIRONMENT, 1);
          }
        }));
      }
      start.countDown();
      java.util.Set<String> got = new java.util.HashSet<>();
      for (var id : ids) {
        got.add(id.get());
      }
      pool.shutdown();
      assertThat(got).hasSize(8);
    }
  }

  @Test
  void aMissingDatabaseOrRunIsAUserErrorSayingWhatThereIs(@TempDir Path folder) {
    assertThatThrownBy(() -> ResultStore.openExisting(folder.resolve("none.db")))
        .isInstanceOf(ProfilerException.class).hasMessageContaining("no results database at");
    try (ResultStore store = storeWithOneRun(folder)) {
      assertThatThrownBy(() -> store.run("run-9")).isInstanceOf(ProfilerException.class)
          .hasMessageEndingWith("stored runs: run-1");
    }
  }

  @Test
  void anotherProgramsSqliteFileIsRefusedAndLeftAsItWas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
      throws Exception {
    java.nio.file.Path file = folder.resolve("attnprof.db");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (id INTEGER, text TEXT)");
    }

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultStore.open(file))
        .isInstanceOf(attnprof.api.ProfilerException.class)
        .hasMessage(file + " is not an attnprof results database (it has tables but no `runs`); name another with "
            + "--results or --db");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var rows = connection.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
      rows.next();
      org.assertj.core.api.Assertions.assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  /** A new store in {@code folder} with one started run, {@code run-1}, of one point. */
  private static ResultStore storeWithOneRun(Path folder) {
    ResultStore store = ResultStore.open(folder.resolve(ResultStore.FILE_NAME));
    store.startRun("run-1", START, SweepRequest.builder().build(), null, ENVIRONMENT, 1);
    return store;
  }
}
