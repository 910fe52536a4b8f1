package attnprof.engine.internal.output;

import attnprof.engine.format.AtomicFiles;
import attnprof.engine.format.RecordCsv;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.ResultWriter;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code results.csv} (one row per point and quantity), {@code tipping-points.csv} and
 * {@code comparisons.csv} (each efficient variant against its baseline at each length).
 */
public final class CsvResultWriter implements ResultWriter {
  public static final String RESULTS = "results.csv";
  public static final String TIPPING_POINTS = "tipping-points.csv";
  public static final String COMPARISONS = "comparisons.csv";

  @Override
  public void write(SweepResult result, Path folder) throws IOException {
    writeAtomically(folder.resolve(RESULTS), RecordCsv.write(ResultRow.class, result.rows()));
    writeAtomically(folder.resolve(TIPPING_POINTS), RecordCsv.write(TippingPoint.class, result.tippingPoints()));
    writeAtomically(folder.resolve(COMPARISONS), RecordCsv.write(LengthComparison.class, result.comparisons()));
  }

  static void writeAtomically(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
