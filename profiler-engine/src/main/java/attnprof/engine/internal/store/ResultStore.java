package attnprof.engine.internal.store;

import attnprof.api.ProfilerException;
import attnprof.engine.internal.point.PointKey;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.format.Json;
import attnprof.engine.format.RecordCsv;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import attnprof.engine.internal.output.PointJson;

/**
 * The results database: an SQLite file that keeps every run (its request, environment, start and end)
 * and every point of it (the full result, and one row per quantity in {@code measurements}, the same
 * columns as {@code results.csv}, for SQL). A point is stored in one transaction once it ends, and a
 * point is stored at most once per run (the key forbids a second), so an interrupted sweep resumes
 * with exactly the points that are missing.
 */
public final class ResultStore implements AutoCloseable {
  /** The database's file name in the folder that holds the runs' folders. */
  public static final String FILE_NAME = attnprof.engine.request.SweepRequest.DATABASE_FILE_NAME;

  private static final RecordComponent[] ROW_COLUMNS = StoreSchema.ROW_COLUMNS;

  private final Connection connection;
  private final Path file;

  private ResultStore(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating if needed) the database file. */
  public static ResultStore open(Path file) {
    return new ResultStore(StoreConnection.open(file), file);
  }

  /** Opens an existing database; a user error naming the file when there is none. */
  public static ResultStore openExisting(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ProfilerException.user("no results database at " + file + " (sweeps store their runs there; "
          + "use --results DIR for another folder)");
    }
    return open(file);
  }

  /** The folder of the database file, which the run folders it records are relative to when they are in it. */
  private Path folder() {
    return file.toAbsolutePath().getParent();
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  public Path file() {
    return file;
  }

  /**
   * Records a run that starts, with what it will measure, under {@code wanted} or, when another run holds
   * that id already, the first of {@code wanted-2}, {@code wanted-3}... that is free. Each attempt is
   * one insert, so two sweeps starting at once get two ids.
   *
   * @return the id the run got
   */
  public String startRun(String wanted, Instant startedAt, SweepRequest request, StoredRun.PlanOrigin origin,
      RunEnvironment environment, int planned) {
    String requestJson;
    try {
      requestJson = StoredRequests.write(request, origin, folder());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request as JSON", e);
    }
    String id = wanted;
    for (int n = 2; ; n++) {
      try (PreparedStatement statement = connection.prepareStatement("INSERT OR IGNORE INTO runs (runId, startedAt, "
          + "finishedAt, complete, planned, request, environment) VALUES (?, ?, NULL, 0, ?, ?, ?)")) {
        bind(statement, id, startedAt.toString(), planned, requestJson, json(environment));
        if (statement.executeUpdate() == 1) {
          return id;
        }
      } catch (SQLException e) {
        if (StoreConnection.isBusy(e)) { // before the sweep's first point: nothing is lost by saying so now
          throw ProfilerException.user("the results database " + file + " is locked by another process (waited "
              + "30 s); run again once it is free, or name another with --results or --db");
        }
        throw new IllegalStateException("cannot write to " + file + ": " + e.getMessage(), e);
      }
      id = wanted + "-" + n;
    }
  }

  /**
   * Stores one point and its rows, all or nothing, in place of what the run held for it before (a point
   * gains forks as a sweep goes on). While another process holds the database's lock past the busy timeout, it
   * tries again for up to {@link StoreConnection#LOCK_PATIENCE}: a measured point is not given up for a lock.
   */
  public void savePoint(String runId, PointKey key, int position, PointResult point, List<ResultRow> rows,
      Instant storedAt) {
    StoreConnection.whileLocked(() -> savePointOnce(runId, key, position, point, rows, storedAt));
  }

  private void savePointOnce(String runId, PointKey key, int position, PointResult point, List<ResultRow> rows,
      Instant storedAt) {
    try {
      String pointKey = key.toString();
      connection.setAutoCommit(false);
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM measurements WHERE runId = ? AND pointKey = ?")) {
        bind(delete, runId, pointKey);
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO points (runId, pointKey, position, "
          + "variant, length, mode, batch, status, message, wallSeconds, storedAt, result) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(insert, runId, pointKey, position, point.variant(), point.length(), point.mode().id(), point.batch(),
            point.status().id(), point.message(), point.wallSeconds(), storedAt.toString(), json(point));
        insert.executeUpdate();
      }
      String placeholders = "?, ".repeat(ROW_COLUMNS.length) + "?";
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO measurements VALUES (" + placeholders + ")")) {
        for (ResultRow row : rows) {
          List<Object> values = new ArrayList<>();
          values.add(pointKey);
          values.addAll(RecordCsv.values(row));
          bind(insert, values.toArray());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      update("UPDATE runs SET finishedAt = ? WHERE runId = ?", storedAt.toString(), runId);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw new IllegalStateException("cannot store point " + key + " of " + runId + " in " + file + ": "
          + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  /** Keeps a plan (its JSON) under its id; a plan kept already stays as it is. */
  public void savePlan(String planId, String planJson) {
    update("INSERT OR IGNORE INTO plans (planId, plan) VALUES (?, ?)", planId, planJson);
  }

  /** A kept plan's JSON. */
  public java.util.Optional<String> plan(String planId) {
    try (PreparedStatement query = connection.prepareStatement("SELECT plan FROM plans WHERE planId = ?")) {
      query.setString(1, planId);
      try (ResultSet results = query.executeQuery()) {
        return results.next() ? java.util.Optional.of(results.getString(1)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plan " + planId + " from " + file + ": " + e.getMessage(), e);
    }
  }

  /** Removes a run with its points and rows, all or nothing; nothing when there is no such run. */
  public void deleteRun(String runId) {
    try {
      connection.setAutoCommit(false);
      for (String sql : List.of("DELETE FROM measurements WHERE runId = ?", "DELETE FROM points WHERE runId = ?",
          "DELETE FROM runs WHERE runId = ?")) {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
          bind(delete, runId);
          delete.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("cannot remove run " + runId + " from " + file + ": " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  /** Marks a run as ended, complete or not. */
  public void finishRun(String runId, Instant finishedAt, boolean complete) {
    update("UPDATE runs SET finishedAt = ?, complete = ? WHERE runId = ?", finishedAt.toString(), complete ? 1 : 0,
        runId);
  }

  /** Every stored run that can be read, oldest first (see {@link #summaries} for those that cannot). */
  public List<StoredRun> runs() {
    return queryRuns("", null);
  }

  /** Every stored run as {@code runs} lists it, oldest first: one that cannot be read says why, hiding none. */
  public List<attnprof.engine.result.StoredRunSummary> summaries() {
    List<attnprof.engine.result.StoredRunSummary> summaries = new ArrayList<>(
        runs().stream().map(StoredRun::summary).toList());
    unreadable.forEach((id, problem) -> summaries.add(StoredRun.unreadable(id, problem)));
    return summaries;
  }

  /** The runs the last listing could not read (an edited or damaged database), by id, with why. */
  private final Map<String, String> unreadable = new LinkedHashMap<>();

  /** A stored run; a user error listing the stored ones when there is no such run. */
  public StoredRun run(String runId) {
    List<StoredRun> found = queryRuns(" WHERE r.runId = ?", runId);
    if (found.isEmpty()) {
      List<String> ids = runs().stream().map(StoredRun::runId).toList();
      throw ProfilerException.user("no run `" + runId + "` in " + file + "; stored runs: "
          + (ids.isEmpty() ? "none" : String.join(", ", ids.subList(Math.max(0, ids.size() - 5), ids.size()))));
    }
    return found.get(0);
  }

  /** The stored points of a run, by point key, in the order they were planned. */
  public Map<PointKey, PointResult> points(String runId) {
    Map<PointKey, PointResult> points = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT pointKey, result FROM points WHERE runId = ? ORDER BY position")) {
      query.setString(1, runId);
      try (ResultSet results = query.executeQuery()) {
        while (results.next()) {
          try {
            points.put(PointKey.parse(results.getString(1)), PointJson.read(results.getString(2)));
          } catch (JsonProcessingException | RuntimeException e) {
            throw ProfilerException.user("run " + runId + " in " + file + " cannot be read: its point "
                + results.getString(1) + " is not attnprof's JSON (" + firstLine(e) + ")");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the points of " + runId + " from " + file + ": " + e.getMessage(), e);
    }
    return points;
  }

  /** The stored rows of a run, as {@code results.csv} has them, in the order its points were planned. */
  public List<ResultRow> rows(String runId) {
    return rowsByPoint(runId).values().stream().flatMap(List::stream).toList();
  }

  /** The stored rows of a run by point key, in the order its points were planned. */
  public Map<PointKey, List<ResultRow>> rowsByPoint(String runId) {
    Map<PointKey, List<ResultRow>> rows = new LinkedHashMap<>();
    String columns = String.join(", ", java.util.Arrays.stream(ROW_COLUMNS).map(c -> "m." + c.getName()).toList());
    try (PreparedStatement query = connection.prepareStatement("SELECT m.pointKey, " + columns + " FROM measurements m "
        + "JOIN points p ON p.runId = m.runId AND p.pointKey = m.pointKey WHERE m.runId = ? ORDER BY p.position, m.rowid")) {
      query.setString(1, runId);
      try (ResultSet results = query.executeQuery()) {
        while (results.next()) {
          rows.computeIfAbsent(PointKey.parse(results.getString(1)), key -> new ArrayList<>())
              .add(StoreSchema.row(results, 2));
        }
      }
    } catch (SQLException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the rows of " + runId + " from " + file + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private List<StoredRun> queryRuns(String where, String runId) {
    List<StoredRun> runs = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT r.runId, r.startedAt, r.finishedAt, "
        + "r.complete, r.planned, (SELECT COUNT(*) FROM points p WHERE p.runId = r.runId), r.request, r.environment "
        + "FROM runs r" + where + " ORDER BY r.startedAt, r.runId")) {
      if (runId != null) {
        query.setString(1, runId);
      }
      unreadable.clear();
      try (ResultSet results = query.executeQuery()) {
        while (results.next()) {
          try {
            runs.add(StoredRun.read(results, folder()));
          } catch (JsonProcessingException | RuntimeException e) {
            String problem = "its stored request or environment is not attnprof's JSON (" + firstLine(e) + ")";
            if (runId != null) {
              throw ProfilerException.user("run " + runId + " in " + file + " cannot be read: " + problem);
            }
            unreadable.put(results.getString(1), problem);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the runs in " + file + ": " + e.getMessage(), e);
    }
    return runs;
  }

  private void update(String sql, Object... values) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write to " + file + ": " + e.getMessage(), e);
    }
  }

  static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the failure being reported matters more
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is closing or broken; the next statement says so
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }
}
