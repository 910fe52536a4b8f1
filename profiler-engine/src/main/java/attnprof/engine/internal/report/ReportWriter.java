package attnprof.engine.internal.report;

import attnprof.engine.result.ResultWriter;
import attnprof.engine.result.SweepResult;
import attnprof.engine.format.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a run's charts ({@code charts/NAME.png} and {@code charts/NAME.svg}) and its report
 * ({@code index.html}, the charts embedded) when a sweep ends, and for {@code attnprof report}.
 */
public final class ReportWriter implements ResultWriter {
  public static final String INDEX = "index.html";
  public static final String CHARTS = "charts";
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  static {
    // charts are drawn off screen, also on machines with a display
    System.setProperty("java.awt.headless", "true");
  }

  private final attnprof.engine.result.DatasetAdvice dataset;
  private final SweepResult otherBaseline;

  /** The writer of a sweep's report. */
  public ReportWriter() {
    this(null);
  }

  /** A writer whose report gives {@code dataset}'s answer first, and draws its lengths; none when null. */
  public ReportWriter(attnprof.engine.result.DatasetAdvice dataset) {
    this(dataset, null);
  }

  /**
   * A writer whose report also sets the tipping points of {@code otherBaseline} (nullable), a run of the same
   * variants against another form of their baseline, beside the run's own.
   */
  public ReportWriter(attnprof.engine.result.DatasetAdvice dataset, SweepResult otherBaseline) {
    this.dataset = dataset;
    this.otherBaseline = otherBaseline;
  }

  /** Writes the report and its charts, and says where the report is. */
  public Path writeReport(SweepResult result, Path folder) throws IOException {
    write(result, folder);
    return folder.resolve(INDEX);
  }

  @Override
  public boolean afterEveryPoint() {
    return false;
  }

  @Override
  public void write(SweepResult result, Path folder) throws IOException {
    List<Charts.Chart> charts = Charts.of(result, dataset);
    Path chartFolder = folder.resolve(CHARTS);
    Files.createDirectories(chartFolder);
    Map<String, byte[]> pngs = new LinkedHashMap<>();
    for (Charts.Chart chart : charts) {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(png, chart.chart(), WIDTH, HEIGHT);
      pngs.put(chart.name(), png.toByteArray());
      AtomicFiles.write(chartFolder.resolve(chart.name() + ".png"), png.toByteArray());
      SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
      chart.chart().draw(svg, new java.awt.Rectangle(0, 0, WIDTH, HEIGHT));
      AtomicFiles.write(chartFolder.resolve(chart.name() + ".svg"), svg.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }
    AtomicFiles.write(folder.resolve(INDEX), HtmlReport.render(result, dataset, otherBaseline, charts, pngs).getBytes(StandardCharsets.UTF_8));
  }
}
