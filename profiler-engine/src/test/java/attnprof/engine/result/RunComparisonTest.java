package attnprof.engine.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
  private static ResultRow row(String run, String metric, String better, double value, int runs, double p10,
      double p90) {
    return new ResultRow(run, "text/bert", "", "text", "small", "synthetic", 128, "tokens", 1, "inference", "cpu",
        metric, value, "ms", better, runs, p10, p90, 0.0, p10, p90, (p90 - p10) / value, "ok", "", 0, "", false, "cpu",
        2, 0, "17", "2.18");
  }

  @Test
  void pointsInBothRunsAreComparedAndTheSpreadDecidesWhetherTheyDiffer() {
    List<ResultRow> a = List.of(row("a", "latency", "lower", 10, 5, 9, 11), row("a", "throughput", "higher", 100, 5, 95,
        105), row("a", "breakdown.attention.share", "neither", 50, 1, 50, 50), row("a", "flops", "lower", 8, 1, 8, 8));
    List<ResultRow> b = List.of(row("b", "latency", "lower", 15, 5, 14, 16), row("b", "throughput", "higher", 98, 5,
        90, 104), row("b", "breakdown.attention.share", "neither", 60, 1, 60, 60), row("b", "flops", "lower", 8, 1, 8, 8));

    List<RunComparison.Line> lines = RunComparison.of(figures(a), figures(b));

    // the breakdown's shares are details, not compared
    assertThat(lines).extracting(RunComparison.Line::metric).containsExactly("latency", "throughput", "flops");
    assertThat(lines.get(0).ratio()).isEqualTo(1.5);
    assertThat(lines.get(0).beyondSpread()).isTrue();
    assertThat(lines.get(1).beyondSpread()).isFalse();
    assertThat(lines.get(2).beyondSpread()).as("a count has no spread").isNull();
    // a high-water mark over several steps is still one reading
    assertThat(RunComparison.of(figures(List.of(row("a", "rss", "lower", 10, 8, 10, 10))),
        figures(List.of(row("b", "rss", "lower", 11, 8, 11, 11)))).get(0).beyondSpread()).isNull();
  }

  private static List<Figure> figures(List<ResultRow> rows) {
    return rows.stream().map(ResultRow::toFigure).toList();
  }
}
