package attnprof.engine.internal.report;

import attnprof.engine.result.LengthDistribution;
import java.awt.Color;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** A dataset's lengths as a histogram, to draw under a chart's cost curves on the same length axis. */
final class DatasetHistogram {
  /** Bins across the dataset's lengths. */
  static final int BINS = 30;

  private DatasetHistogram() {
  }

  /** The histogram's plot: bins equal in log length when the axis is logarithmic, else in length. */
  static XYPlot plot(LengthDistribution data, boolean logarithmic) {
    double low = data.min();
    double high = Math.max(data.max(), low * 1.01);
    double[] edges = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      double t = (double) i / BINS;
      edges[i] = logarithmic ? low * Math.pow(high / low, t) : low + (high - low) * t;
    }
    double[] counts = new double[BINS];
    for (int s = 0; s < data.lengths().size(); s++) {
      double length = data.lengths().get(s);
      int bin = 0;
      while (bin < BINS - 1 && length >= edges[bin + 1]) {
        bin++;
      }
      counts[bin] += data.weights().get(s);
    }
    XYIntervalSeries series = new XYIntervalSeries("dataset: " + Math.round(data.count()) + " samples");
    for (int bin = 0; bin < BINS; bin++) {
      double centre = logarithmic ? Math.sqrt(edges[bin] * edges[bin + 1]) : (edges[bin] + edges[bin + 1]) / 2;
      series.add(centre, edges[bin], edges[bin + 1], counts[bin], 0, counts[bin]);
    }
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(series);
    XYBarRenderer renderer = new XYBarRenderer(0.05);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x7f7f7f));
    XYPlot plot = new XYPlot(bars, null, new NumberAxis("samples"), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    return plot;
  }
}
