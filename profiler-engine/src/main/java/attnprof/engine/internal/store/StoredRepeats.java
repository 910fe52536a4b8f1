package attnprof.engine.internal.store;

import attnprof.engine.internal.output.PointJson;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointSpec;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import attnprof.engine.format.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of a run that the results database holds from two or more runs on the same machine: what tells how far
 * the machine's times drift between runs. The same point is the same variant, preset, configuration, input, length,
 * mode, batch and device, a refinement or not; the same machine has the same CPU model, cores, memory and device.
 */
public final class StoredRepeats {
  private StoredRepeats() {
  }

  /**
   * For each measured point of {@code result} that runs on its machine stored two or more times, one reading per run
   * (the result's own run among them when it is stored); nothing when there is no database. Of the variants a run
   * measured side by side at one length, in the same processes, only the first counts: they drift together, and
   * would count one drift several times. A stored point that cannot be read is left out: it only narrows what the
   * drift rests on.
   */
  public static List<List<PointResult>> of(Path database, SweepResult result) {
    if (database == null || !Files.isRegularFile(database)) {
      return List.of();
    }
    try (Connection connection = StoreConnection.open(database)) {
      Set<String> repeated = repeatedPlaces(connection);
      List<List<PointResult>> repeats = new ArrayList<>();
      Set<String> sideBySide = new HashSet<>();
      for (PointResult point : result.points()) {
        PointSpec spec = point.point();
        if (point.status() == PointStatus.OK && repeated.contains(place(spec))
            && !sideBySide.contains(length(spec))) {
          List<PointResult> runs = stored(connection, spec, result.environment());
          if (runs.size() >= 2) {
            repeats.add(runs);
            sideBySide.add(length(spec));
          }
        }
      }
      return repeats;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the points of " + database + ": " + e.getMessage(), e);
    }
  }

  /** Variant, length, mode and batch of the measured points stored two or more times: a light first pass. */
  private static Set<String> repeatedPlaces(Connection connection) throws SQLException {
    Set<String> places = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT variant, length, mode, batch FROM points "
        + "WHERE status = ? GROUP BY variant, length, mode, batch HAVING COUNT(*) >= 2")) {
      ResultStore.bind(query, PointStatus.OK.id());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          places.add(rows.getString(1) + "|" + rows.getDouble(2) + "|" + rows.getString(3) + "|" + rows.getInt(4));
        }
      }
    }
    return places;
  }

  /** The length a run's variants are measured at side by side. */
  private static String length(PointSpec point) {
    return point.input() + "|" + point.length() + "|" + point.mode().id() + "|" + point.batch();
  }

  private static String place(PointSpec point) {
    return point.variant() + "|" + point.length() + "|" + point.mode().id() + "|" + point.batch();
  }

  /** The point as each run on the machine measured it, by run. */
  private static List<PointResult> stored(Connection connection, PointSpec point, RunEnvironment machine)
      throws SQLException {
    Map<String, PointResult> byRun = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT p.runId, p.result, r.environment FROM points p "
        + "JOIN runs r ON r.runId = p.runId WHERE p.variant = ? AND p.length = ? AND p.mode = ? AND p.batch = ? "
        + "AND p.status = ? ORDER BY r.startedAt")) {
      ResultStore.bind(query, point.variant(), point.length(), point.mode().id(), point.batch(), PointStatus.OK.id());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          try {
            PointResult stored = PointJson.read(rows.getString(2));
            RunEnvironment where = Json.mapper().readValue(rows.getString(3), RunEnvironment.class);
            // the same point, a refinement or not
            if (sameMachine(where, machine) && stored.point().asRefinement().equals(point.asRefinement())) {
              byRun.putIfAbsent(rows.getString(1), stored);
            }
          } catch (JsonProcessingException | RuntimeException e) {
            // an edited or damaged row: the drift rests on the others
          }
        }
      }
    }
    return new ArrayList<>(byRun.values());
  }

  private static boolean sameMachine(RunEnvironment a, RunEnvironment b) {
    return a.cpuModel().equals(b.cpuModel()) && a.cpuCores() == b.cpuCores() && a.memoryBytes() == b.memoryBytes()
        && a.device().equals(b.device());
  }
}
