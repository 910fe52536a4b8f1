package attnprof.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.engine.internal.tipping.TippingPointFinderTest;
import attnprof.engine.result.Advice;
import attnprof.engine.result.Figure;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.result.ResultRow;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The intervals of an advice's costs, on readings made up so that every spread in them is known. */
class AdvisorTest {
  private static final double[] LENGTHS = {256, 512, 1024};
  private static final LengthDistribution DATA =
      LengthDistribution.ofSamples("tokens", List.of(300.0, 400.0, 500.0, 600.0, 700.0), "made up", 0);

  /**
   * Two forks per length that read exactly alike and runs that barely vary: all that is left of a time's interval
   * is the drift between runs, this run's and another's, each drawn from the prior on its degrees of freedom, so the
   * interval is Student's t of those degrees scaled by the root of twice the prior's variance. The ratio of the two
   * models does not drift.
   */
  @Test
  void aTimesIntervalAtTheMedianIsTheDriftBetweenRunsAndTheRatioIsNot() {
    Advice advice = advise("latency", "ms", 1.0).get(0);

    double halfWidth = T_975_AT_4_DEGREES * Math.sqrt(2) * RunDrift.PRIOR_SPREAD;
    Advice.Estimate baseline = advice.vanilla().atMedian();
    assertThat(Math.log(baseline.high() / baseline.low()) / 2).as("%s", baseline).isCloseTo(halfWidth,
        within(0.1 * halfWidth));
    Advice.Estimate ratio = advice.ratioAtMedian();
    // what is left is the prior spread between two processes' ratios (2%): the drift would make it three times
    assertThat(ratio.high() / ratio.low()).as("%s", ratio).isLessThan(1.1);
    assertThat(ratio.value()).isCloseTo(0.8, within(0.01));
  }

  @Test
  void memoryDoesNotDriftBetweenRuns() {
    Advice.Estimate baseline = advise("peak_memory", "bytes", 1e6).get(0).vanilla().atMedian();

    assertThat(baseline.high() / baseline.low()).as("%s", baseline).isLessThan(1.02);
  }

  /** Student's t quantile of 97.5% at four degrees of freedom, from the published table. */
  private static final double T_975_AT_4_DEGREES = 2.776;

  /** BERT costs {@code scale} times the length, Longformer 0.8 of it, each run within 0.1% of that. */
  private static List<Advice> advise(String metric, String unit, double scale) {
    List<ResultRow> rows = new ArrayList<>();
    Map<Figure, Samples> samples = new IdentityHashMap<>();
    List<Figure> figures = new ArrayList<>();
    for (double length : LENGTHS) {
      for (String variant : List.of("text/bert", "text/longformer")) {
        double level = scale * length * (variant.equals("text/bert") ? 1 : 0.8);
        ResultRow row = TippingPointFinderTest.row(variant, variant.equals("text/bert") ? "" : "text/bert", metric,
            unit, "lower", length, level, "ok");
        rows.add(row);
        Figure figure = TippingPointFinderTest.figures(List.of(row)).get(0);
        figures.add(figure);
        List<Samples.Fork> forks = new ArrayList<>();
        for (int fork = 0; fork < 2; fork++) {
          double[] runs = new double[100];
          for (int i = 0; i < runs.length; i++) {
            runs[i] = level * (1 + 0.001 * Math.sin(i));
          }
          forks.add(new Samples.Fork("f" + fork, runs, 0));
        }
        samples.put(figure, Samples.ofForks(forks));
      }
    }
    return Comparisons.advise(figures, figure -> Optional.ofNullable(samples.get(figure)), RunDrift.PRIOR,
        Comparisons.Settings.DEFAULT, DATA);
  }
}
