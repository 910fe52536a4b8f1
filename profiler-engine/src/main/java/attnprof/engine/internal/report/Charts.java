package attnprof.engine.internal.report;

import attnprof.engine.result.Lengths;
import attnprof.engine.result.Breakdowns;
import attnprof.api.metric.Direction;
import attnprof.api.model.Component;
import attnprof.engine.result.Figure;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a sweep: for each compared quantity and mode, the quantity against input length with
 * one line per variant in a band of its 95% interval, tipping points marked and labelled over a shaded
 * span of their 95% interval, failed points ({@code oom}, {@code timeout}) marked where they would be; and per mode, a stacked bar of where each variant's step time goes at
 * each length. An axis is logarithmic when its values span more than a factor of ten.
 */
public final class Charts {
  private static final Paint[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
  private static final Map<Component, Color> COMPONENT_COLORS = Map.of(Component.EMBEDDING, new Color(0x8c564b),
      Component.ATTENTION, new Color(0xd62728), Component.FEED_FORWARD, new Color(0x1f77b4), Component.NORM,
      new Color(0x2ca02c), Component.OTHER, new Color(0x7f7f7f));
  private static final double LOG_SPAN = 10;

  private Charts() {
  }

  /**
   * A chart to write, with the name of its files and what it shows.
   *
   * @param name the base name of its files, such as {@code text-latency-inference}
   * @param title its title
   * @param chart the chart
   */
  public record Chart(String name, String title, JFreeChart chart) {
  }

  /** Every chart of the result. */
  public static List<Chart> of(SweepResult result) {
    return of(result, null);
  }

  /**
   * Every chart of the result and, with a dataset, each chart of its length unit again with the dataset's histogram
   * of lengths under the curves (named {@code NAME-dataset}).
   */
  public static List<Chart> of(SweepResult result, attnprof.engine.result.DatasetAdvice dataset) {
    List<Chart> charts = new ArrayList<>();
    Map<String, List<Figure>> groups = result.figures().stream()
        .filter(r -> r.direction().ranked())
        // an unlimited streaming left context has no place on a length axis
        .filter(r -> Double.isFinite(r.length()))
        .collect(Collectors.groupingBy(Charts::groupKey, LinkedHashMap::new, Collectors.toList()));
    groups.forEach((key, rows) -> {
      charts.add(curves(key, rows, result.tippingPoints(), null));
      if (dataset != null && rows.get(0).lengthUnit().equals(dataset.lengths().unit())) {
        charts.add(curves(key, rows, result.tippingPoints(), dataset.lengths()));
      }
    });
    Map<String, List<Breakdowns.Entry>> byMode = Breakdowns.of(result.figures()).stream()
        .collect(Collectors.groupingBy(e -> e.mode() + (e.batch() == 1 ? "" : "-b" + e.batch())
            + (e.input().equals("synthetic") ? "" : "-" + e.input()), LinkedHashMap::new, Collectors.toList()));
    byMode.forEach((mode, entries) -> charts.add(breakdown(mode, entries)));
    attnprof.engine.result.Roofline.Roofs.of(result.environment()).ifPresent(roofs -> byMode.forEach((mode, entries) ->
        RooflineChart.of(mode, entries, roofs).ifPresent(charts::add)));
    return charts;
  }

  private static String groupKey(Figure row) {
    return row.modality() + "-" + row.metric() + "-" + row.mode().id() + (row.batch() == 1 ? "" : "-b" + row.batch())
        + (row.input().equals("synthetic") ? "" : "-" + row.input());
  }

  private static Chart curves(String key, List<Figure> rows, List<TippingPoint> tippingPoints,
      attnprof.engine.result.LengthDistribution data) {
    Figure sample = rows.get(0);
    String unit = sample.unit();
    double scale = unit.equals("bytes") ? 1024.0 * 1024 : unit.equals("FLOP") ? 1e9 : 1;
    String shownUnit = unit.equals("bytes") ? "MiB" : unit.equals("FLOP") ? "GFLOP" : unit;
    Map<String, List<Figure>> byVariant = rows.stream()
        .collect(Collectors.groupingBy(Figure::variant, LinkedHashMap::new, Collectors.toList()));
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    List<double[]> failures = new ArrayList<>();
    List<String> failureLabels = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<Figure>> entry : byVariant.entrySet()) {
      YIntervalSeries series = new YIntervalSeries(entry.getKey(), true, false);
      for (Figure row : entry.getValue()) {
        if (row.ok()) {
          // the band: the 95% interval of the median, from every fork's runs
          series.add(row.length(), row.value() / scale, row.ciLow() / scale, row.ciHigh() / scale);
        } else {
          failures.add(new double[] {row.length(), index});
          failureLabels.add(row.status().id());
        }
      }
      dataset.addSeries(series);
      index++;
    }
    String title = sample.metric() + ", " + sample.mode().id() + (sample.batch() == 1 ? "" : ", batch " + sample.batch())
        + " (" + sample.modality() + ", " + sample.preset() + ")";
    // a streaming point's length is the left context it keeps
    String axisName = sample.mode() == attnprof.api.Mode.STREAMING ? "left context" : "length";
    ValueAxis x = axis(sample.lengthUnit().isEmpty() ? axisName : axisName + " (" + sample.lengthUnit() + ")",
        java.util.stream.DoubleStream.concat(rows.stream().mapToDouble(Figure::length),
            data == null ? java.util.stream.DoubleStream.empty() : java.util.stream.DoubleStream.of(data.min(),
                data.max())));
    ValueAxis y = axis(sample.metric() + " (" + shownUnit + ", " + sample.direction().id() + " is better)",
        rows.stream().filter(Figure::ok).flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.value() / scale,
            r.ciLow() / scale, r.ciHigh() / scale)));
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.18f);
    for (int i = 0; i < byVariant.size(); i++) {
      Paint paint = PALETTE[i % PALETTE.length];
      renderer.setSeriesPaint(i, paint);
      renderer.setSeriesFillPaint(i, paint);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    markTippingPoints(plot, byVariant, sample, tippingPoints);
    double bottom = y.getLowerBound();
    for (int i = 0; i < failures.size(); i++) {
      double[] failure = failures.get(i);
      XYTextAnnotation mark = new XYTextAnnotation("\u2716 " + failureLabels.get(i), failure[0],
          y instanceof LogarithmicAxis ? bottom * 1.15 : bottom + (y.getUpperBound() - bottom) * 0.04);
      mark.setPaint(PALETTE[(int) failure[1] % PALETTE.length]);
      mark.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      plot.addAnnotation(mark);
    }
    if (data != null) {
      XYPlot histogram = DatasetHistogram.plot(data, x instanceof LogarithmicAxis);
      markTippingPoints(histogram, byVariant, sample, tippingPoints);
      org.jfree.chart.plot.CombinedDomainXYPlot combined = new org.jfree.chart.plot.CombinedDomainXYPlot(x);
      combined.setGap(8);
      combined.add(plot, 3);
      combined.add(histogram, 1);
      String withData = title + " and the dataset's lengths";
      JFreeChart chart = new JFreeChart(withData, new Font(Font.SANS_SERIF, Font.BOLD, 15), combined, true);
      chart.setBackgroundPaint(Color.WHITE);
      return new Chart((key + "-dataset").replaceAll("[^A-Za-z0-9._-]", "_"), withData, chart);
    }
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return new Chart(key.replaceAll("[^A-Za-z0-9._-]", "_"), title, chart);
  }

  /**
   * A dashed vertical line at each finite tipping point of the chart's quantity, labelled with the
   * variant, over a shaded span of its 95% interval. A point predicted beyond the grid is labelled as
   * extrapolated.
   */
  private static void markTippingPoints(XYPlot plot, Map<String, List<Figure>> byVariant, Figure sample,
      List<TippingPoint> tippingPoints) {
    List<String> variants = new ArrayList<>(byVariant.keySet());
    for (TippingPoint tipping : tippingPoints) {
      if (!tipping.metric().equals(sample.metric()) || !tipping.mode().equals(sample.mode().id())
          || tipping.batch() != sample.batch() || !tipping.input().equals(sample.input())
          || !variants.contains(tipping.variant()) || !Double.isFinite(tipping.length())) {
        continue;
      }
      int index = variants.indexOf(tipping.variant());
      if (Double.isFinite(tipping.ciLow()) || Double.isFinite(tipping.ciHigh())) {
        double low = Double.isFinite(tipping.ciLow()) ? tipping.ciLow() : plot.getDomainAxis().getLowerBound();
        double high = Double.isFinite(tipping.ciHigh()) ? tipping.ciHigh() : plot.getDomainAxis().getUpperBound();
        IntervalMarker span = new IntervalMarker(low, high);
        Color color = (Color) PALETTE[index % PALETTE.length];
        span.setPaint(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40));
        plot.addDomainMarker(span, org.jfree.chart.ui.Layer.BACKGROUND);
      }
      ValueMarker marker = new ValueMarker(tipping.length());
      marker.setPaint(PALETTE[index % PALETTE.length]);
      marker.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
          0f));
      marker.setLabel(String.format(Locale.ROOT, "%s tips at %s%s", tipping.variant(),
          Lengths.format(tipping.length(), ""),
          TippingPoint.EXTRAPOLATED.equals(tipping.method()) ? " (extrapolated)" : ""));
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      marker.setLabelPaint(PALETTE[index % PALETTE.length]);
      marker.setLabelAnchor(index % 2 == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
      marker.setLabelTextAnchor(index % 2 == 0 ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
      plot.addDomainMarker(marker);
    }
  }

  private static ValueAxis axis(String label, java.util.stream.DoubleStream values) {
    double[] all = values.filter(v -> v > 0 && Double.isFinite(v)).toArray();
    OptionalDouble min = java.util.Arrays.stream(all).min();
    OptionalDouble max = java.util.Arrays.stream(all).max();
    if (min.isPresent() && max.getAsDouble() / min.getAsDouble() > LOG_SPAN) {
      // labelled with values (100, 200, ... 1000), not powers of ten
      LogarithmicAxis axis = new LogarithmicAxis(label + ", log scale");
      axis.setStrictValuesFlag(false);
      axis.setRange(min.getAsDouble() / 1.3, max.getAsDouble() * 1.3);
      return axis;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    return axis;
  }

  /** Each variant's share of step time per component, one bar per variant and length. */
  private static Chart breakdown(String mode, List<Breakdowns.Entry> entries) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Breakdowns.Entry entry : entries) {
      String bar = entry.variant() + " @ " + Lengths.exact(entry.length());
      for (Component component : Component.values()) {
        dataset.addValue(entry.shares().get(component), component.scopeName(), bar);
      }
    }
    String title = "Where the step time goes, " + mode + " (share of the step's busy time)";
    StackedBarRenderer renderer = new StackedBarRenderer();
    for (Component component : Component.values()) {
      renderer.setSeriesPaint(component.ordinal(), COMPONENT_COLORS.get(component));
    }
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    NumberAxis shares = new NumberAxis("% of step time");
    shares.setRange(0, 100);
    org.jfree.chart.axis.CategoryAxis bars = new org.jfree.chart.axis.CategoryAxis("variant @ length");
    bars.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
    CategoryPlot plot = new CategoryPlot(dataset, bars, shares, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return new Chart(("breakdown-" + mode).replaceAll("[^A-Za-z0-9._-]", "_"), title, chart);
  }
}
