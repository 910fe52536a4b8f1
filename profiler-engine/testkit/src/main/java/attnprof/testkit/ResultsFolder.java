package attnprof.testkit;

import attnprof.engine.result.ResultRow;
import attnprof.engine.Profiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a sweep's {@code results.csv} back into rows, for integration tests that check what a run
 * of the launcher wrote. Rows are matched by their columns, never by substrings of lines (a
 * baseline's id appears in its variants' rows too).
 */
public final class ResultsFolder {
  /** Reads through the engine's public API; built once, with no plugins folder (reading needs none). */
  private static final Profiler PROFILER = Profiler.builder().build();

  private ResultsFolder() {
  }

  /** The rows of {@code folder/results.csv}. */
  public static List<ResultRow> csvRows(Path folder) {
    return PROFILER.readResults(folder.resolve("results.csv"));
  }

  /**
   * The points of the grid {@code variants x lengths x modes} that have no {@code ok} row of
   * {@code metric} in {@code rows}, each as {@code "variant length mode: status message"} (or
   * {@code "...: no row"}); empty when every point has one.
   */
  public static List<String> pointsWithoutOkRow(List<ResultRow> rows, String metric, List<String> variants,
      List<Double> lengths, List<String> modes) {
    List<String> missing = new ArrayList<>();
    for (String variant : variants) {
      for (double length : lengths) {
        for (String mode : modes) {
          Optional<ResultRow> row = rows.stream().filter(r -> r.variant().equals(variant) && r.length() == length
              && r.mode().equals(mode) && r.metric().equals(metric)).findFirst();
          if (row.isEmpty()) {
            missing.add(variant + " " + length + " " + mode + ": no row");
          } else if (!row.get().status().equals("ok")) {
            missing.add(variant + " " + length + " " + mode + ": " + row.get().status() + " " + row.get().message());
          }
        }
      }
    }
    return missing;
  }

  /**
   * The runs stored in a results folder's database ({@code FOLDER/attnprof.db}), each with the keys
   * of its stored points, in the order planned; empty while there is no database yet.
   */
  public static java.util.Map<String, List<String>> storedPoints(Path resultsFolder) {
    Path database = resultsFolder.resolve("attnprof.db");
    java.util.Map<String, List<String>> runs = new java.util.LinkedHashMap<>();
    if (!Files.isRegularFile(database)) {
      return runs;
    }
    for (var run : PROFILER.storedRuns(database)) {
      runs.put(run.runId(), PROFILER.storedPointKeys(database, run.runId()));
    }
    return runs;
  }

  /** Copies a results folder, whole, to {@code to} (which must not exist): what a user's {@code cp -r} does. */
  public static void copy(Path from, Path to) throws java.io.IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(from.relativize(file).toString()));
      }
    }
  }
}
