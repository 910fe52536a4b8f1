package attnprof.engine.internal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import attnprof.engine.internal.point.Point;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.PointSpec;
import attnprof.engine.result.TippingPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which lengths a refinement wave measures, on crafted comparisons. */
class RefinementTest {
  private static final Quantity LATENCY = new Quantity("latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, "");
  private static final Refinement.Padding NO_PADDING = (point, length) -> length;

  @Test
  void aTightIntervalBetweenLengthsMoreThanAnOctaveApartIsStillRefined() {
    // a straight line between two lengths four octaves apart can have a tight interval that says nothing
    // about where the curves really cross: only measuring between them does
    Refinement.Wave wave = next(point(700, 690, 712), 128, 2048);

    assertThat(wave.time()).extracting(p -> p.spec().length()).containsOnly(512.0);
    assertThat(wave.time()).extracting(p -> p.spec().variant()).containsExactlyInAnyOrder("x/vanilla", "x/efficient");
  }

  @Test
  void aTightIntervalBetweenLengthsAnOctaveApartIsNotRefined() {
    assertThat(next(point(700, 690, 712), 512, 1024).isEmpty()).isTrue();
    assertThat(next(point(700, 600, 800), 512, 1024).time()).extracting(p -> p.spec().length()).containsOnly(724.0);
  }

  private static Refinement.Wave next(TippingPoint point, double lo, double hi) {
    List<LengthComparison> comparisons = List.of(comparison(lo, 1.3), comparison(hi, 0.7));
    List<Point> jobs = List.of(job(0, "x/vanilla", "", lo), job(1, "x/efficient", "x/vanilla", lo),
        job(2, "x/vanilla", "", hi), job(3, "x/efficient", "x/vanilla", hi));
    return Refinement.next(new Comparisons.Analysis(List.of(point), comparisons), jobs, Map.of("latency", LATENCY),
        modality -> true, NO_PADDING);
  }

  private static TippingPoint point(double length, double ciLow, double ciHigh) {
    return new TippingPoint("x/efficient", "x/vanilla", "latency", "inference", 1, "synthetic", TippingPoint.Verdict.AT,
        length, "tokens", "", ciLow, ciHigh, "interpolated", "", "");
  }

  private static LengthComparison comparison(double length, double ratio) {
    return new LengthComparison("x/efficient", "x/vanilla", "latency", "inference", 1, "synthetic", length, "tokens",
        ratio, ratio * 0.98, ratio * 1.02, ratio < 1 ? LengthComparison.BETTER : LengthComparison.WORSE, "", false);
  }

  private static Point job(int index, String variant, String baseline, double length) {
    return new Point(index, new PointSpec(variant, baseline, "x", "tiny", Map.of(), null, length, "tokens", 1,
        Mode.INFERENCE, "cpu", false), Map.of(), null, 0, List.of("latency"), 42);
  }
}
