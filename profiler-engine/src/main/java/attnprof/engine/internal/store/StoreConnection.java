package attnprof.engine.internal.store;

import attnprof.api.ProfilerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens the results database so that several processes can share it: each waits for another's lock instead of
 * failing, and an opening that SQLite refuses at once because another process is turning the new file to WAL is
 * tried again.
 */
final class StoreConnection {
  private StoreConnection() {
  }

  /** A connection to the database file, created if needed, its schema prepared. */
  static Connection open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw ProfilerException.user("cannot open the results database " + file + ": " + e.getMessage());
    }
    long deadline = System.nanoTime() + OPEN_PATIENCE.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        return connect(file);
      } catch (SQLException e) {
        // turning a new file to WAL and recovering its log lock the file without SQLite's busy handler
        // waiting for them, so another process's opening can answer "locked" at once: try again a while
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw ProfilerException.user("cannot open the results database " + file + ": " + e.getMessage());
        }
        pause(attempt);
      }
    }
  }

  private static final java.time.Duration OPEN_PATIENCE = java.time.Duration.ofSeconds(30);

  private static Connection connect(Path file) throws SQLException {
    java.util.Properties settings = new java.util.Properties();
    // from the first statement on, another process's lock is waited for (up to 30 s), and a transaction takes
    // the write lock when it begins: two deferred transactions that both upgrade deadlock, and SQLite then
    // returns "database is locked" at once without waiting (two sweeps opening one new database hit it)
    settings.setProperty("busy_timeout", "30000");
    settings.setProperty("transaction_mode", "IMMEDIATE");
    SqliteLibrary.useCachedCopy();
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings);
    try {
      StoreSchema.prepare(connection, file);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** How long a write waits, attempt after attempt, for a lock another process holds past the busy timeout. */
  static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofMinutes(10);

  /**
   * Runs a write, and again while it fails because the database is locked (each attempt already waited the busy
   * timeout), up to {@link #LOCK_PATIENCE}; then its failure is thrown.
   */
  static void whileLocked(Runnable write) {
    long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof SQLException sql && isBusy(sql)) || System.nanoTime() > deadline) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether SQLite answered that another connection holds the lock. */
  static boolean isBusy(SQLException e) {
    return (e.getErrorCode() & 0xff) == 5 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProfilerException.user("interrupted while waiting for the results database's lock");
    }
  }
}
