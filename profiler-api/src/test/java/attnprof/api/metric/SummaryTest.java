package attnprof.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void medianPercentilesAndSpreadFollowTheLinearInterpolationDefinition() {
    Summary summary = Summary.of(5, 1, 4, 2, 3);

    assertThat(summary.median()).isEqualTo(3);
    assertThat(summary.p10()).isCloseTo(1.4, within(1e-12));
    assertThat(summary.p90()).isCloseTo(4.6, within(1e-12));
    assertThat(summary.mad()).isEqualTo(1);
    assertThat(summary.runs()).isEqualTo(5);
    assertThat(summary.relativeSpread()).isCloseTo(3.2 / 3, within(1e-12));
  }

  @Test
  void confidenceIntervalOfTheMedianUsesBinomialOrderStatistics() {
    // for n = 10 the 95% interval of the median is [X(2), X(9)] (1-based): coverage 97.9%
    assertThat(Summary.medianConfidenceRanks(10)).containsExactly(1, 8);
    // for n = 5 no pair of order statistics reaches 95%: min and max (93.75%)
    assertThat(Summary.medianConfidenceRanks(5)).containsExactly(0, 4);
    Summary summary = Summary.of(10, 1, 9, 2, 8, 3, 7, 4, 6, 5);
    assertThat(summary.ciLow()).isEqualTo(2);
    assertThat(summary.ciHigh()).isEqualTo(9);
  }

  @Test
  void aSingleValueHasNoSpread() {
    Summary summary = Summary.single(42, 3);
    assertThat(summary.median()).isEqualTo(42);
    assertThat(summary.relativeSpread()).isZero();
    assertThat(summary.runs()).isEqualTo(3);
  }
}
