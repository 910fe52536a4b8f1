package attnprof.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The variance forks add, pooled over cells, on readings made up so that it is known. */
class ForkVarianceTest {
  /** How far each fork's log ratio lies from the cell's, either way. */
  private static final double OFFSET = 0.03;

  /**
   * Ten lengths measured in 200 rounds whose two forks lie at -0.03 and +0.03 (a variance of 0.0018 between forks),
   * and one long length measured in three slow rounds, so noisy (0.3 either way) that its resampled fork varies by
   * far more, whose two forks happened to agree exactly: the one cell that knows least does not wipe the others out.
   */
  @Test
  void aCellOfAFewNoisyRoundsWhoseForksAgreedByChanceDoesNotDecideForTheOthers() {
    SplittableRandom noise = new SplittableRandom(7);
    List<PairedCell> cells = new ArrayList<>();
    for (int length = 0; length < 10; length++) {
      cells.add(cell(forkRuns(-OFFSET, 200, noise), forkRuns(OFFSET, 200, noise)));
    }
    cells.add(cell(new double[] {-0.3, 0, 0.3}, new double[] {0.3, 0, -0.3}));

    EstimatedVariance pooled = ForkVariance.of(cells, new Resampler(1), false);

    double between = 2 * OFFSET * OFFSET;
    assertThat(pooled.value()).isCloseTo(between, within(0.2 * between));
    assertThat(pooled.degreesOfFreedom()).isEqualTo(11);
  }

  /** Round log ratios about {@code offset} with a little noise of each round. */
  private static double[] forkRuns(double offset, int rounds, SplittableRandom noise) {
    double[] logs = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      logs[i] = offset + 0.01 * (noise.nextDouble() - 0.5);
    }
    return logs;
  }

  /** Two forks, each timing the baseline at 1 and the variant at the exponent of the log ratios given. */
  private static PairedCell cell(double[] first, double[] second) {
    List<Samples.Fork> variant = new ArrayList<>();
    List<Samples.Fork> baseline = new ArrayList<>();
    double[][] forks = {first, second};
    for (int f = 0; f < forks.length; f++) {
      double[] runs = new double[forks[f].length];
      double[] ones = new double[forks[f].length];
      for (int i = 0; i < runs.length; i++) {
        runs[i] = Math.exp(forks[f][i]);
        ones[i] = 1;
      }
      variant.add(new Samples.Fork("p" + f, runs, 0));
      baseline.add(new Samples.Fork("p" + f, ones, 0));
    }
    return new PairedCell(Samples.ofForks(variant), Samples.ofForks(baseline));
  }
}
