package attnprof.engine.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AchievedRatesTest {

  @Test
  void aRateIsTheFlopCountOverTheMedianLatencyBesideTheBaselinesAtTheSameLength() {
    List<ResultRow> rows = List.of(
        row("t/vanilla", "", "flops", "FLOP", 512, 4e9, "ok"),
        row("t/vanilla", "", "latency", "ms", 512, 20.0, "ok"),
        row("t/efficient", "t/vanilla", "flops", "FLOP", 512, 1e9, "ok"),
        row("t/efficient", "t/vanilla", "latency", "ms", 512, 10.0, "ok"),
        row("t/efficient", "t/vanilla", "flops", "FLOP", 1024, 2e9, "ok"),
        row("t/efficient", "t/vanilla", "latency", "ms", 1024, null, "timeout"),
        row("t/lonely", "t/vanilla", "flops", "FLOP", 2048, 2e9, "ok"),
        row("t/lonely", "t/vanilla", "latency", "ms", 2048, 4.0, "ok"));

    List<AchievedRates.Rate> rates = AchievedRates.of(rows.stream().map(ResultRow::toFigure).toList());

    assertThat(rates).extracting(AchievedRates.Rate::variant).containsExactly("t/efficient", "t/lonely", "t/vanilla");
    AchievedRates.Rate efficient = rates.get(0);
    assertThat(efficient.gflopsPerSecond()).isCloseTo(100, within(1e-9));
    assertThat(efficient.baselineGflops()).isCloseTo(200, within(1e-9));
    assertThat(efficient.ofBaseline()).isCloseTo(0.5, within(1e-12));
    assertThat(rates.get(1).gflopsPerSecond()).isCloseTo(500, within(1e-9));
    assertThat(rates.get(1).baselineGflops()).isNaN();
  }

  private static ResultRow row(String variant, String baseline, String metric, String unit, double length,
      Double value, String status) {
    return new ResultRow("run", variant, baseline, "text", "tiny", "synthetic", length, "tokens", 1, "inference", "cpu",
        metric, value, unit, "lower", 3, value, value, 0.0, value, value, 0.0, status, "", 0, "", false, "cpu", 2, 0,
        "17", "2.18");
  }
}
