package attnprof.engine.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.metric.NodeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentSharesTest {
  private static NodeStats op(long start, long duration) {
    return new NodeStats("op", "cpu", start, duration, List.of(), 0);
  }

  @Test
  void opsSideBySideSplitTheTimeTheyShareAndKeepWhatTheyRunAlone() {
    // a: 0-100 alone until b starts at 40; b: 40-100 shared with a, then alone to 160; c: no duration
    double[] shares = ConcurrentShares.of(List.of(op(0, 100), op(40, 120), op(100, 0)));
    assertThat(shares[0]).isEqualTo(40 + 60 / 2.0);
    assertThat(shares[1]).isEqualTo(60 / 2.0 + 60);
    assertThat(shares[2]).isZero();
    // the shares add up to the busy wall time, 0 to 160
    assertThat(shares[0] + shares[1] + shares[2]).isEqualTo(160);
  }

  @Test
  void opsOneAfterAnotherKeepTheirDurationsAndGapsCountForNobody() {
    double[] shares = ConcurrentShares.of(List.of(op(0, 10), op(10, 5), op(50, 7)));
    assertThat(shares).containsExactly(10, 5, 7);
  }
}
