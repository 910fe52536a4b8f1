package attnprof.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift between runs, from points measured again, on readings made up so that every spread is known. */
class RunDriftTest {
  private static final double PRIOR = RunDrift.PRIOR_SPREAD * RunDrift.PRIOR_SPREAD;

  @Test
  void withNoPointMeasuredAgainItIsThePrior() {
    RunDrift drift = RunDrift.of(List.of(List.of(samples(0, 0))));

    assertThat(drift.spread()).isEqualTo(RunDrift.PRIOR_SPREAD);
    assertThat(drift.repeatedPoints()).isZero();
  }

  /**
   * Thirty points each measured in three runs whose levels lie at -s, 0 and +s in log (a variance of s squared on
   * two degrees of freedom a point): sixty degrees of freedom against the prior's four.
   */
  @Test
  void pointsMeasuredAgainOutweighThePriorByTheirDegreesOfFreedom() {
    double s = 0.05;
    RunDrift drift = RunDrift.of(repeats(30, s, 0));

    assertThat(drift.repeatedPoints()).isEqualTo(30);
    assertThat(drift.spread()).isCloseTo(Math.sqrt((s * s * 60 + PRIOR * 4) / 64), within(1e-9));
  }

  /**
   * Each run's two forks lie at -a and +a about its level: a level read off two forks moves by a squared from that
   * alone, which is not drift, and is taken off.
   */
  @Test
  void whatEachRunsForksSpreadExplainsIsNotDrift() {
    double s = 0.06;
    double a = 0.04;
    RunDrift drift = RunDrift.of(repeats(30, s, a));

    assertThat(drift.spread()).isCloseTo(Math.sqrt(((s * s - a * a) * 60 + PRIOR * 4) / 64), within(1e-9));
  }

  private static List<List<Samples>> repeats(int points, double s, double a) {
    List<List<Samples>> repeats = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      double level = Math.log(1 + p);
      repeats.add(List.of(samples(level - s, a), samples(level, a), samples(level + s, a)));
    }
    return repeats;
  }

  /** One run's reading: two forks at {@code level - a} and {@code level + a} in log, a run each. */
  private static Samples samples(double level, double a) {
    return Samples.ofForks(List.of(new Samples.Fork("f1", new double[] {Math.exp(level - a)}, 0),
        new Samples.Fork("f2", new double[] {Math.exp(level + a)}, 0)));
  }
}
