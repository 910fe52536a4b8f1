package attnprof.engine.internal.plan;

import attnprof.engine.result.PointSpec;
import attnprof.engine.internal.point.Point;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemainingTimeTest {
  /** A point that finished, in seconds. */
  private record Done(Point point, double seconds) {
  }

  private static Done done(String variant, double length, double seconds) {
    return new Done(job(variant, length), seconds);
  }

  private static Done done(String variant, double length, Mode mode, double seconds) {
    return new Done(job(variant, length, mode), seconds);
  }

  /** A prediction that has seen these points finish, in this order. */
  private static RemainingTime after(Done... finished) {
    RemainingTime time = new RemainingTime();
    for (Done done : finished) {
      time.finished(done.point(), done.seconds());
    }
    return time;
  }

  private static Point job(String variant, double length) {
    return job(variant, length, Mode.TRAINING);
  }

  private static Point job(String variant, double length, Mode mode) {
    return new Point(0, new PointSpec(variant, "", "text", "small", Map.of(), null, length, "tokens", 1, mode, "cpu",
        false), Map.of(), null, 0, List.of("latency"), 42);
  }

  @Test
  void longerPointsAreExtrapolatedFromTheWorkBeyondTheFixedStart() {
    RemainingTime time = after(done("a", 100, 2.2), done("a", 200, 2.8));
    // the start is 90% of the quickest point, 1.98 s; the work beyond it grows from 0.22 s to 0.82 s as the
    // length doubles, so it grows by 0.82 / 0.22 again at 400
    double expected = 1.98 + 0.82 * (0.82 / 0.22);
    assertThat(time.of(List.of(job("a", 400))).toMillis()).isEqualTo(Math.round(expected * 1000));
  }

  @Test
  void aPointWithNothingAlikeCostsTheFixedStartAndNothingDoneMeansNoEstimate() {
    RemainingTime time = new RemainingTime();
    assertThat(time.of(List.of(job("a", 1)))).isEqualTo(Duration.ZERO);
    time.finished(job("a", 100), 2);
    time.finished(job("b", 100), 4);
    // the fixed start so far: 90% of the quickest point, whatever c's length
    assertThat(time.of(List.of(job("c", 100)))).isEqualTo(Duration.ofMillis(1800));
    assertThat(time.of(List.of(job("c", 1000)))).isEqualTo(Duration.ofMillis(1800));
    // one point alike: in proportion to length beyond the start (1.8 s): 0.2 s of work doubles
    assertThat(time.of(List.of(job("a", 200))).toMillis()).isEqualTo(2200);
  }

  @Test
  void aPointWithOneAlikeGrowsAsTheOthersGrewButNoFasterThanLength() {
    RemainingTime slower = after(done("a", 100, 2.0), done("a", 200, 2.1), done("b", 100, 3.0));
    // the start is 1.8 s; a's work grew from 0.2 s to 0.3 s as its length doubled, by 1.5; b's 1.2 s of work likewise
    assertThat(slower.of(List.of(job("b", 200))).toMillis()).isEqualTo(Math.round((1.8 + 1.2 * 1.5) * 1000));

    RemainingTime faster = after(done("a", 100, 2.0), done("a", 200, 2.4), done("b", 100, 3.0));
    // a's work tripled as its length doubled; b's is taken to double only, until a second point of b shows more
    assertThat(faster.of(List.of(job("b", 200))).toMillis()).isEqualTo(Math.round((1.8 + 1.2 * 2) * 1000));
  }

  @Test
  void theExponentIsFittedToEveryPointAlikeNotOnlyTheTwoLongest() {
    RemainingTime time = new RemainingTime();
    // start 0.9 s; work 0.1, 0.4, 1.6 s at 100, 200, 400: a power of 2 ...
    time.finished(job("a", 100), 1.0);
    time.finished(job("a", 200), 1.3);
    time.finished(job("a", 400), 2.5);
    // ... disturbed at 800 (work 3.1 s instead of 6.4 s): the fit's slope stays well above the last pair's 0.95
    time.finished(job("a", 800), 4.0);
    double slope = fittedSlope(new double[] {100, 200, 400, 800},
        new double[] {0.1, 0.4, 1.6, 3.1});
    assertThat(slope).isGreaterThan(1.4);
    assertThat(time.of(List.of(job("a", 1600))).toMillis())
        .isEqualTo(Math.round((0.9 + 3.1 * Math.pow(2, slope)) * 1000));
  }

  private static double fittedSlope(double[] lengths, double[] work) {
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < lengths.length; i++) {
      meanX += Math.log(lengths[i]) / lengths.length;
      meanY += Math.log(work[i]) / lengths.length;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < lengths.length; i++) {
      covariance += (Math.log(lengths[i]) - meanX) * (Math.log(work[i]) - meanY);
      variance += (Math.log(lengths[i]) - meanX) * (Math.log(lengths[i]) - meanX);
    }
    return covariance / variance;
  }

  @Test
  void theFixedStartOfAModeComesFromItsOwnPoints() {
    RemainingTime time = after(done("a", 2, Mode.INFERENCE, 2.0), done("a", 10, Mode.INFERENCE, 2.5),
        done("a", 2, Mode.TRAINING, 8.0));
    // training's start is 7.2 s, not inference's 1.8 s: 0.8 s of training work, growing as inference's did
    // (0.2 s to 0.7 s over a factor of 5 in length), so by 0.7 / 0.2 again from 2 to 10
    assertThat(time.of(List.of(job("a", 10, Mode.TRAINING))).toMillis())
        .isEqualTo(Math.round((7.2 + 0.8 * (0.7 / 0.2)) * 1000));
  }
}
