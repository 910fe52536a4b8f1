package attnprof.engine.internal.store;

import attnprof.api.ProfilerException;
import attnprof.engine.result.ResultRow;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The results database's tables: made when missing, completed with the columns rows gained since the database
 * was made, and refused when the file is another program's. The {@code measurements} table has one column per
 * component of {@link ResultRow}, under the same names as {@code results.csv}.
 */
final class StoreSchema {
  static final RecordComponent[] ROW_COLUMNS = ResultRow.class.getRecordComponents();

  private StoreSchema() {
  }

  /** Makes the database ready for this release, or refuses it with a user error (closing the connection). */
  static void prepare(Connection connection, Path file) throws SQLException {
    refuseAnotherSchema(connection, file);
    renameFormerColumns(connection);
    createTables(connection);
  }

  /**
   * Columns renamed since a database was made, by table: the names releases before the engine's rebuild gave them
   * (snake case, {@code run} and {@code better}) and the names every output uses now.
   */
  private static final java.util.Map<String, java.util.Map<String, String>> RENAMED = java.util.Map.of(
      "runs", java.util.Map.of("run_id", "runId", "started_at", "startedAt", "finished_at", "finishedAt"),
      "points", java.util.Map.of("run_id", "runId", "point_key", "pointKey", "wall_seconds", "wallSeconds",
          "stored_at", "storedAt"),
      "measurements", java.util.Map.of("point_key", "pointKey", "run", "runId", "better", "direction"),
      "plans", java.util.Map.of("plan_id", "planId"));

  /**
   * Brings a database of an earlier release to this one's names, all or nothing, and records the schema version
   * ({@code PRAGMA user_version}) it is at.
   */
  private static void renameFormerColumns(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout=30000");
      int version;
      try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
        version = result.next() ? result.getInt(1) : 0;
      }
      if (version >= attnprof.engine.format.Json.SCHEMA_VERSION) {
        return;
      }
      connection.setAutoCommit(false);
      try {
        for (var table : RENAMED.entrySet()) {
          java.util.Set<String> present = columns(statement, table.getKey());
          for (var rename : table.getValue().entrySet()) {
            if (present.contains(rename.getKey()) && !present.contains(rename.getValue())) {
              statement.execute("ALTER TABLE " + table.getKey() + " RENAME COLUMN " + rename.getKey() + " TO "
                  + rename.getValue());
            }
          }
        }
        statement.execute("PRAGMA user_version = " + attnprof.engine.format.Json.SCHEMA_VERSION);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static java.util.Set<String> columns(Statement statement, String table) throws SQLException {
    java.util.Set<String> columns = new java.util.HashSet<>();
    try (ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rows.next()) {
        columns.add(rows.getString("name"));
      }
    }
    return columns;
  }

  /**
   * Another program's SQLite file is refused, not written into: a file with tables of its own but not
   * ours, or with our tables lacking our columns.
   */
  private static void refuseAnotherSchema(Connection connection, Path file) throws SQLException {
    java.util.Set<String> tables = new java.util.HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    String problem = null;
    if (!tables.isEmpty() && !tables.contains("runs")) {
      problem = "it has tables but no `runs`";
    } else if (tables.contains("runs")) {
      java.util.Set<String> columns = new java.util.HashSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("PRAGMA table_info(runs)")) {
        while (rows.next()) {
          columns.add(rows.getString("name"));
        }
      }
      if (!columns.containsAll(java.util.List.of("request", "environment", "planned"))
          || !columns.contains("runId") && !columns.contains("run_id")) {
        problem = "its table `runs` is not attnprof's";
      }
    }
    if (problem != null) {
      connection.close();
      throw ProfilerException.user(file + " is not an attnprof results database (" + problem + "); name another "
          + "with --results or --db");
    }
  }

  private static void createTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // several sweeps may share a database: a writer waits for another's transaction instead of failing
      statement.execute("PRAGMA busy_timeout=30000");
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("CREATE TABLE IF NOT EXISTS runs (runId TEXT PRIMARY KEY, startedAt TEXT NOT NULL, "
          + "finishedAt TEXT, complete INTEGER NOT NULL, planned INTEGER NOT NULL, request TEXT NOT NULL, "
          + "environment TEXT NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS points (runId TEXT NOT NULL REFERENCES runs(runId), "
          + "pointKey TEXT NOT NULL, position INTEGER NOT NULL, variant TEXT NOT NULL, length REAL NOT NULL, "
          + "mode TEXT NOT NULL, batch INTEGER NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, "
          + "wallSeconds REAL NOT NULL, storedAt TEXT NOT NULL, result TEXT NOT NULL, "
          + "PRIMARY KEY (runId, pointKey))");
      List<String> columns = new ArrayList<>();
      for (RecordComponent component : ROW_COLUMNS) {
        columns.add(component.getName() + " " + sqlType(component.getType()));
      }
      statement.execute("CREATE TABLE IF NOT EXISTS measurements (pointKey TEXT NOT NULL, " + String.join(", ", columns)
          + ")");
      statement.execute("CREATE INDEX IF NOT EXISTS measurements_run ON measurements (runId, pointKey)");
      // the plans that shard runs and merged runs were made from (attnprof plan)
      statement.execute("CREATE TABLE IF NOT EXISTS plans (planId TEXT PRIMARY KEY, plan TEXT NOT NULL)");
      addMissingColumns(statement);
    }
  }

  /**
   * Columns that rows gained after the database was made (such as {@code refinement}) are added to it,
   * empty for the rows already there (read back as false or null).
   */
  private static void addMissingColumns(Statement statement) throws SQLException {
    java.util.Set<String> present = new java.util.HashSet<>();
    try (ResultSet columns = statement.executeQuery("PRAGMA table_info(measurements)")) {
      while (columns.next()) {
        present.add(columns.getString("name"));
      }
    }
    for (RecordComponent component : ROW_COLUMNS) {
      if (!present.contains(component.getName())) {
        statement.execute("ALTER TABLE measurements ADD COLUMN " + component.getName() + " "
            + sqlType(component.getType()));
      }
    }
  }

  static String sqlType(Class<?> type) {
    if (type == int.class || type == long.class || type == boolean.class) {
      return "INTEGER";
    }
    if (type == double.class || type == Double.class) {
      return "REAL";
    }
    return "TEXT";
  }

  static Object column(ResultSet results, int index, Class<?> type) throws SQLException {
    if (type == boolean.class) {
      return results.getInt(index) != 0;
    }
    if (type == int.class) {
      return results.getInt(index);
    }
    if (type == long.class) {
      return results.getLong(index);
    }
    if (type == double.class) {
      return results.getDouble(index);
    }
    if (type == Double.class) {
      double value = results.getDouble(index);
      return results.wasNull() ? null : value;
    }
    return results.getString(index);
  }

  /** The result row in the current row of a query, its {@link #ROW_COLUMNS} from column {@code first} on. */
  static ResultRow row(ResultSet results, int first)
      throws SQLException, ReflectiveOperationException {
    var constructor = ResultRow.class.getDeclaredConstructor(java.util.Arrays
        .stream(ROW_COLUMNS).map(RecordComponent::getType).toArray(Class<?>[]::new));
    Object[] values = new Object[ROW_COLUMNS.length];
    for (int i = 0; i < ROW_COLUMNS.length; i++) {
      values[i] = column(results, first + i, ROW_COLUMNS[i].getType());
    }
    return constructor.newInstance(values);
  }
}
