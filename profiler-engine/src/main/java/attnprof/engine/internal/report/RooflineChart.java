package attnprof.engine.internal.report;

import attnprof.engine.result.Breakdowns;
import attnprof.engine.result.Roofline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The roofline chart of one mode: the machine's roofs (bandwidth x intensity up to the matrix-multiply peak) as a
 * line, and each component of each traced point as a dot at its arithmetic intensity and achieved rate, a series per
 * component, both axes logarithmic.
 */
final class RooflineChart {
  private RooflineChart() {
  }

  static Optional<Charts.Chart> of(String mode, List<Breakdowns.Entry> entries, Roofline.Roofs roofs) {
    List<Roofline.Point> points = Roofline.of(entries, roofs);
    if (points.isEmpty()) {
      return Optional.empty();
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    double low = points.stream().mapToDouble(Roofline.Point::intensity).min().orElseThrow() / 2;
    double high = Math.max(points.stream().mapToDouble(Roofline.Point::intensity).max().orElseThrow(), roofs.ridge()) * 2;
    XYSeries roof = new XYSeries("roofline (" + Math.round(roofs.bandwidthGbs()) + " GB/s, "
        + Math.round(roofs.peakGflops()) + " GFLOP/s)", false);
    roof.add(low, roofs.attainable(low));
    if (roofs.ridge() > low && roofs.ridge() < high) {
      roof.add(roofs.ridge(), roofs.peakGflops());
    }
    roof.add(high, roofs.attainable(high));
    dataset.addSeries(roof);
    Map<String, XYSeries> byComponent = new LinkedHashMap<>();
    for (Roofline.Point point : points) {
      byComponent.computeIfAbsent(point.component(), name -> new XYSeries(name, false))
          .add(point.intensity(), point.gflopsPerSecond());
    }
    byComponent.values().forEach(dataset::addSeries);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, true);
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesPaint(0, Color.DARK_GRAY);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    for (int series = 1; series < dataset.getSeriesCount(); series++) {
      renderer.setSeriesLinesVisible(series, false);
      renderer.setSeriesShapesVisible(series, true);
    }
    LogarithmicAxis intensity = new LogarithmicAxis("arithmetic intensity, FLOP per byte (log scale)");
    intensity.setStrictValuesFlag(false);
    intensity.setRange(low, high);
    LogarithmicAxis rate = new LogarithmicAxis("achieved GFLOP/s (log scale)");
    rate.setStrictValuesFlag(false);
    double slowest = points.stream().mapToDouble(Roofline.Point::gflopsPerSecond).min().orElseThrow();
    rate.setRange(Math.min(slowest, roofs.attainable(low)) / 2, roofs.peakGflops() * 2);
    XYPlot plot = new XYPlot(dataset, intensity, rate, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    String title = "Roofline, " + mode + ": each component of each point at its intensity and achieved rate";
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return Optional.of(new Charts.Chart(("roofline-" + mode).replaceAll("[^A-Za-z0-9._-]", "_"), title, chart));
  }
}
