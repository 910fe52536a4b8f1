package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose results database another process holds locked, through the real launcher and a real SQLite lock. */
class LockedDatabaseIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(5));

  @Test
  void aPointFinishedWhileAnotherProcessHoldsTheLockPastTheBusyTimeoutIsStoredAndASweepStartedThenIsRefused(
      @TempDir Path folder) throws Exception {
    Path run = folder.resolve("run");
    Path database = run.resolve("attnprof.db");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Outcome second;
    try {
      Future<Outcome> sweep = pool.submit(() -> LAUNCHER.attnprof("sweep", "--variants", "text/bert", "--preset",
          "tiny", "--lengths", "8,16,32,64", "--metrics", "flops", "--mode", "inference", "--forks", "1",
          "--refine", "none", "--out", run.toString()));
      waitForTheRun(database);
      // another writer holds the database for 45 s, past the 30 s each write waits (issue 27, item 1)
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database);
          Statement statement = other.createStatement()) {
        statement.execute("PRAGMA busy_timeout=30000");
        statement.execute("BEGIN EXCLUSIVE");
        long locked = System.nanoTime();
        // a sweep started now cannot record its run: one line and exit 2 after the busy timeout, nothing measured
        second = LAUNCHER.attnprof("--db", database.toString(), "sweep", "--variants", "text/bert", "--preset",
            "tiny", "--lengths", "8", "--metrics", "flops", "--mode", "inference", "--refine", "none", "--out",
            folder.resolve("second").toString());
        Thread.sleep(Math.max(0, 45_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - locked)));
        statement.execute("COMMIT");
      }
      Outcome outcome = sweep.get(5, TimeUnit.MINUTES);

      assertThat(second.code()).as(second.err()).isEqualTo(2);
      assertThat(second.err()).hasLineCount(1).contains("is locked by another process");
      assertThat(folder.resolve("second")).doesNotExist();

      assertThat(outcome.code()).as(outcome.err()).isZero();
      List<String> stored = ResultsFolder.storedPoints(run).values().iterator().next();
      assertThat(stored).hasSize(4);
      // nothing printed or written that the database lacks
      assertThat(ResultsFolder.csvRows(run).stream().map(row -> row.length()).distinct()).hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void waitForTheRun(Path database) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(database)) {
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + database);
            Statement statement = reader.createStatement()) {
          statement.execute("PRAGMA busy_timeout=5000");
          try (ResultSet runs = statement.executeQuery("SELECT count(*) FROM runs")) {
            if (runs.next() && runs.getInt(1) > 0) {
              return;
            }
          }
        } catch (java.sql.SQLException e) {
          // the schema is being made: look again
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the sweep recorded no run in " + database);
  }
}
