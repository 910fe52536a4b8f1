package attnprof.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimatedVarianceTest {

  /**
   * A normal deviate scaled by the root of a drawn variance is Student's t: its 97.5% quantile is the t table's
   * (the reference: published two-sided 95% critical values), not the normal's 1.96.
   */
  @ParameterizedTest
  @CsvSource({"1, 12.706", "2, 4.303", "4, 2.776", "10, 2.228", "60, 2.000"})
  void aDeviateScaledByTheDrawnVarianceHasStudentsTQuantile(int degreesOfFreedom, double tQuantile) {
    double variance = 0.0004;
    EstimatedVariance estimate = new EstimatedVariance(variance, 0, degreesOfFreedom);
    Resampler random = new Resampler(7);
    double[] deviates = new double[200_000];
    for (int i = 0; i < deviates.length; i++) {
      deviates[i] = Math.abs(random.normal()) * Math.sqrt(estimate.draw(random));
    }
    double quantile = Stats.quantile(deviates, 0.95) / Math.sqrt(variance);
    assertThat(quantile).isCloseTo(tQuantile, within(tQuantile * 0.04));
  }

  /**
   * Forks that differ by no more than their runs explain still leave room for a variance of their own when the
   * difference rests on one degree of freedom: the observed variance is what is uncertain, not the difference.
   */
  @Test
  void whatTheRunsExplainIsTakenFromEachDrawOfTheObservedVariance() {
    EstimatedVariance alike = new EstimatedVariance(0.0001, 0.0001, 1);
    assertThat(alike.value()).isZero();
    double[] draws = alike.draws(10_000, new Resampler(5));
    assertThat(Stats.quantile(draws, 0.25)).isZero();
    assertThat(Stats.quantile(draws, 0.9)).as("a tenth of the draws allow more than twice the observed")
        .isGreaterThan(0.0001);
    for (double draw : new EstimatedVariance(0.0001, 0.0001, 100_000).draws(50, new Resampler(5))) {
      assertThat(draw).isLessThan(0.000002);
    }
  }

  @Test
  void aPriorIsPooledWithTheForksAsDegreesOfFreedomWeighThem() {
    EstimatedVariance forks = new EstimatedVariance(0.0001, 0.00002, 1);
    EstimatedVariance pooled = forks.withPrior(0.0004, 2);
    assertThat(pooled.observed()).isCloseTo((0.0001 + 2 * 0.0004) / 3, within(1e-15));
    assertThat(pooled.explained()).isEqualTo(0.00002);
    assertThat(pooled.degreesOfFreedom()).isEqualTo(3);
    assertThat(forks.withPrior(0.5, 0)).isEqualTo(forks);
    assertThat(new EstimatedVariance(0.0001, 0, 1000).withPrior(0.0004, 2).observed()).isCloseTo(0.0001,
        within(0.000001));
  }

  @Test
  void aZeroVarianceOrOneOnNoDegreesOfFreedomIsDrawnAsItIs() {
    Resampler random = new Resampler(1);
    assertThat(new EstimatedVariance(0, 0, 5).draw(random)).isZero();
    assertThat(new EstimatedVariance(0.3, 0.1, 0).draw(random)).isCloseTo(0.2, within(1e-12));
    assertThat(EstimatedVariance.NONE.draws(3, random)).containsExactly(0, 0, 0);
    assertThatThrownBy(() -> new EstimatedVariance(-1, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EstimatedVariance(Double.NaN, 0, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyDegreesOfFreedomLeaveTheVarianceAsEstimated() {
    double[] draws = new EstimatedVariance(2.5, 0.5, 10_000).draws(50, new Resampler(3));
    for (double draw : draws) {
      assertThat(draw).isCloseTo(2.0, within(2.5 * 0.1));
    }
  }
}
