package attnprof.engine.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import attnprof.engine.internal.tipping.TippingPointFinder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static ResultRow row(String variant, String baseline, double length, Double value, String status) {
    return new ResultRow("run", variant, baseline, "text", "small", "synthetic", length, "tokens", 1, "inference",
        "cpu", "latency", value, "ms", "lower", value == null ? 0 : 5, value, value, 0.0, value, value, 0.0, status,
        value == null ? "out of memory" : "", 0, "", false, "cpu", 2, 0, "17", "2.18");
  }

  @Test
  void aCurveChartMarksTheTippingPointAndTheFailedPointsOnALogScaleWhenTheRangeNeedsIt() {
    List<ResultRow> rows = new ArrayList<>();
    rows.add(row("text/bert", "", 128, 10.0, "ok"));
    rows.add(row("text/bert", "", 512, 100.0, "ok"));
    rows.add(row("text/bert", "", 2048, null, "oom"));
    rows.add(row("text/longformer", "text/bert", 128, 20.0, "ok"));
    rows.add(row("text/longformer", "text/bert", 512, 50.0, "ok"));
    rows.add(row("text/longformer", "text/bert", 2048, 200.0, "ok"));
    List<attnprof.engine.result.Figure> figures = rows.stream().map(ResultRow::toFigure).toList();
    SweepResult result = new SweepResult("run", Instant.EPOCH, Instant.EPOCH, new RunEnvironment("cpu", 2, 0, "Linux",
        "17", "2.18", "0.1", "cpu", Map.of()), List.of(), figures, new TippingPointFinder().find(figures), List.of(), null,
        true);

    List<Charts.Chart> charts = Charts.of(result);

    assertThat(charts).extracting(Charts.Chart::name).containsExactly("text-latency-inference");
    XYPlot plot = charts.get(0).chart().getXYPlot();
    assertThat(plot.getRangeAxis()).isInstanceOf(LogarithmicAxis.class);
    assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).singleElement()
        .satisfies(marker -> assertThat(((ValueMarker) marker).getLabel()).startsWith("text/longformer tips at "));
    assertThat(plot.getAnnotations()).singleElement()
        .satisfies(mark -> assertThat(((XYTextAnnotation) mark).getText()).endsWith("oom"));
  }
}
