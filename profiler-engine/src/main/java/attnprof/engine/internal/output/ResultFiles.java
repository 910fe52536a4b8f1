package attnprof.engine.internal.output;

import attnprof.engine.format.Json;
import attnprof.engine.format.RecordCsv;
import attnprof.api.ProfilerException;
import attnprof.engine.result.Figure;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.SweepResult;
import java.time.Instant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the rows back from a results file or folder, for commands that work on earlier runs. */
public final class ResultFiles {
  private ResultFiles() {
  }

  /**
   * The rows of {@code results.json} or {@code results.csv}, or of the one found in a results folder.
   *
   * @throws ProfilerException a user error when the file is missing or not a results file
   */
  public static List<ResultRow> readRows(Path path) {
    Path file = path;
    if (Files.isDirectory(path)) {
      file = Files.isRegularFile(path.resolve(JsonResultWriter.RESULTS)) ? path.resolve(JsonResultWriter.RESULTS)
          : path.resolve(CsvResultWriter.RESULTS);
    }
    if (!Files.isRegularFile(file)) {
      throw ProfilerException.user("no results file at " + path + " (expected results.json or results.csv)");
    }
    try {
      String text = Files.readString(file);
      if (file.getFileName().toString().endsWith(".json")) {
        ResultsDocument document = ResultsDocument.read(text);
        if (document.rows() == null) {
          throw ProfilerException.user(file + " is not an attnprof results file: it has no rows");
        }
        return nonEmpty(document.rows(), file);
      }
      return nonEmpty(RecordCsv.read(ResultRow.class, text, ResultRow.FORMER_NAMES), file);
    } catch (IOException | IllegalArgumentException e) {
      throw ProfilerException.user(file + " is not an attnprof results file: " + firstLine(e.getMessage()));
    }
  }

  /** Rows to work on: a file with none (a header alone, a run that measured nothing yet) has no answer to give. */
  private static List<ResultRow> nonEmpty(List<ResultRow> rows, Path file) {
    if (rows.isEmpty()) {
      throw ProfilerException.user(file + " holds no result rows (no point of its run was measured)");
    }
    return rows;
  }

  /**
   * The whole result in {@code results.json} (or the one in a results folder), for reports.
   *
   * @throws ProfilerException a user error when the file is missing or not a results file
   */
  public static SweepResult readResult(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(JsonResultWriter.RESULTS) : path;
    if (!Files.isRegularFile(file)) {
      throw ProfilerException.user("no run `" + path + "` in the results database, and no results.json at " + path);
    }
    try {
      ResultsDocument document = ResultsDocument.read(Files.readString(file));
      if (document.rows() == null || document.points() == null) {
        throw ProfilerException.user(file + " is not an attnprof results.json: it has no rows");
      }
      return new SweepResult(document.runId(), Instant.parse(document.startedAt()), Instant.parse(document.finishedAt()),
          document.environment(), document.points(), Figure.ofRows(document.rows(), document.points()),
          document.tippingPoints(),
          document.comparisons(), file.toAbsolutePath().getParent(), document.complete());
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProfilerException profilerException) {
        throw profilerException;
      }
      throw ProfilerException.user(file + " is not an attnprof results.json: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
