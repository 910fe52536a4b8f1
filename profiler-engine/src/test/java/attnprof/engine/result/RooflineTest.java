package attnprof.engine.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RooflineTest {
  private static final Roofline.Roofs ROOFS = new Roofline.Roofs(400, 50);

  @Test
  void theRoofIsBandwidthTimesIntensityUpToThePeakWhichItMeetsAtTheRidge() {
    assertThat(ROOFS.ridge()).isEqualTo(8.0);
    assertThat(ROOFS.attainable(2)).isEqualTo(100.0);
    assertThat(ROOFS.attainable(100)).isEqualTo(400.0);
    assertThat(Roofline.Roofs.of(new RunEnvironment("cpu", 2, 0, "Linux", "17", "2.18", "0.1", "cpu",
        Map.of(Roofline.PEAK_FACT, "400", Roofline.BANDWIDTH_FACT, "50")))).contains(ROOFS);
    assertThat(Roofline.Roofs.of(new RunEnvironment("cpu", 2, 0, "Linux", "17", "2.18", "0.1", "cuda:0", Map.of())))
        .isEmpty();
  }

  @Test
  void aComponentsPlaceIsItsFlopsPerByteAndItsRateAsAShareOfThePeakAndOfItsRoof() {
    List<ResultRow> rows = List.of(
        row("breakdown.attention", 10.0), row("breakdown.attention.share", 50.0),
        row("breakdown.feed_forward", 10.0), row("breakdown.feed_forward.share", 50.0),
        // attention: 1 GFLOP in 10 ms over 0.5 GB (2 FLOP/byte, memory-bound: its roof is 100 GFLOP/s)
        row("flops.attention", 1e9), row("flops.bytes.attention", 5e8),
        // feed-forward: 2 GFLOP in 10 ms over 0.1 GB (20 FLOP/byte, compute-bound: its roof is the peak)
        row("flops.feed_forward", 2e9), row("flops.bytes.feed_forward", 1e8));

    List<Roofline.Point> points = Roofline.of(Breakdowns.of(rows.stream().map(ResultRow::toFigure).toList()), ROOFS);

    assertThat(points).extracting(Roofline.Point::component).containsExactly("attention", "feed_forward");
    Roofline.Point attention = points.get(0);
    assertThat(attention.intensity()).isCloseTo(2, within(1e-9));
    assertThat(attention.gflopsPerSecond()).isCloseTo(100, within(1e-9));
    assertThat(attention.shareOfPeak()).isCloseTo(0.25, within(1e-9));
    assertThat(attention.shareOfRoof()).isCloseTo(1.0, within(1e-9));
    assertThat(attention.bound()).isEqualTo("memory");
    Roofline.Point feedForward = points.get(1);
    assertThat(feedForward.shareOfPeak()).isCloseTo(0.5, within(1e-9));
    assertThat(feedForward.shareOfRoof()).isCloseTo(0.5, within(1e-9));
    assertThat(feedForward.bound()).isEqualTo("compute");
  }

  private static ResultRow row(String metric, double value) {
    return new ResultRow("run", "t/vanilla", "", "text", "tiny", "synthetic", 512, "tokens", 1, "inference", "cpu",
        metric, value, "", "neither", 1, value, value, 0.0, value, value, 0.0, "ok", "", 0, "", false, "cpu", 2, 0,
        "17", "2.18");
  }
}
