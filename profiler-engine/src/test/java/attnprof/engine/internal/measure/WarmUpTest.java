package attnprof.engine.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  /** Steps that take these milliseconds, one after another. */
  private static WarmUp.Step steps(long... millis) {
    Iterator<Long> next = java.util.Arrays.stream(millis).boxed().iterator();
    return () -> Duration.ofMillis(next.next());
  }

  @Test
  void untilSteadyItRunsUntilTheLastTwoStepsAreNoLongerClearlyFasterThanTheTwoBefore() throws Exception {
    // the graph's optimisation, then a step time that falls for a while (the baseline of a tiny training sweep
    // was still at 38 ms after one step, where it settles near 4 ms)
    WarmUp.Outcome outcome = WarmUp.run(steps(300, 38, 20, 9, 5, 4, 4, 4, 4, 4), WarmUp.UNTIL_STEADY);

    // 9 and 5 beat 38 and 20; 4 and 4 beat 9 and 5; then 4 and 4 do not beat 4 and 4 by more than 5%
    assertThat(outcome.steps()).isEqualTo(8);
    assertThat(outcome.last()).isEqualTo(Duration.ofMillis(4));
    assertThat(outcome.steady()).isTrue();
    assertThat(outcome.note()).isEqualTo("warm-up: 8 untimed steps, the last 4.0 ms");
  }

  @Test
  void aModelSteadyFromItsSecondStepWarmsUpInTheFewestSteps() throws Exception {
    assertThat(WarmUp.run(steps(300, 10, 10, 10, 10), WarmUp.UNTIL_STEADY).steps()).isEqualTo(WarmUp.MIN_STEPS);
  }

  @Test
  void aForcedCountRunsExactlyThatMany() throws Exception {
    WarmUp.Outcome outcome = WarmUp.run(steps(300, 38, 20), 2);

    assertThat(outcome.steps()).isEqualTo(2);
    assertThat(outcome.last()).isEqualTo(Duration.ofMillis(38));
  }

  @Test
  void aStepTimeThatKeepsFallingStopsAtTheMostSteps() throws Exception {
    // 10% faster every step
    long[] falling = new long[WarmUp.MAX_STEPS];
    for (int i = 0; i < falling.length; i++) {
      falling[i] = Math.round(1_000_000 * Math.pow(0.9, i));
    }
    // a fake step takes no time: the time budget is never reached, the count is
    WarmUp.Outcome outcome = WarmUp.run(steps(falling), WarmUp.UNTIL_STEADY);

    assertThat(outcome.steps()).isEqualTo(WarmUp.MAX_STEPS);
    assertThat(outcome.steady()).isFalse();
    assertThat(outcome.note()).endsWith("(stopped by its bound before the step time settled)");
  }

  @Test
  void longStepsStopAfterTwoOnceTheBudgetIsSpent() throws Exception {
    WarmUp.Step slow = () -> {
      Thread.sleep(WarmUp.BUDGET_MILLIS / 2 + 50);
      return Duration.ofMillis(WarmUp.BUDGET_MILLIS / 2 + 50);
    };

    assertThat(WarmUp.run(slow, WarmUp.UNTIL_STEADY).steps()).isEqualTo(2);
  }

  @Test
  void steadinessComparesTheFastestOfEachWindow() {
    assertThat(WarmUp.steady(List.of(100L, 50L, 60L, 49L))).isTrue();
    assertThat(WarmUp.steady(List.of(100L, 50L, 60L, 40L))).isFalse();
    assertThat(WarmUp.steady(List.of(100L, 50L, 50L))).isFalse();
  }
}
