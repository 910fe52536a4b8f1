package attnprof.engine.result;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.Advice.Estimate;
import org.junit.jupiter.api.Test;

/** Costs and shares read with their intervals, and without one where it would only repeat the value. */
class AdviceSentencesTest {

  @Test
  void aTimeKeepsItsIntervalInSecondsOnceItIsLong() {
    assertThat(AdviceSentences.cost(new Estimate(15_900, 8_530, 27_700), "ms")).isEqualTo("15.9 s (8.53\u201327.7)");
    assertThat(AdviceSentences.cost(new Estimate(33.1, 17.6, 57.6), "ms")).isEqualTo("33.1 ms (17.6\u201357.6)");
  }

  @Test
  void aCountOfFlopsReadsInItsUnitWithoutAnIntervalOfOnePoint() {
    assertThat(AdviceSentences.cost(new Estimate(2_122_120_845_480.0, 2_122_120_845_480.0, 2_122_120_845_480.0),
        "FLOP")).isEqualTo("2.12 TFLOP");
    assertThat(AdviceSentences.cost(new Estimate(5.14e9, 5.0e9, 5.3e9), "FLOP"))
        .isEqualTo("5.14 GFLOP (5.00 GFLOP\u20135.30 GFLOP)");
  }

  @Test
  void bytesReadInMebibytes() {
    assertThat(AdviceSentences.cost(new Estimate(60.4 * 1024 * 1024, 54.5 * 1024 * 1024, 66.9 * 1024 * 1024),
        "bytes")).isEqualTo("60.4 MiB (54.5 MiB\u201366.9 MiB)");
  }

  @Test
  void aShareWhoseIntervalRoundsToItselfStandsAlone() {
    assertThat(AdviceSentences.percent(new Estimate(0.012, 0.011, 0.013))).isEqualTo("1%");
    assertThat(AdviceSentences.percent(new Estimate(0.07, 0.05, 0.08))).isEqualTo("7% (5\u20138%)");
  }
}
