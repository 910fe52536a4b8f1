package attnprof.engine.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsCommandTest {
  private static RunsCommand.RunEntry run(boolean complete, int planned, int stored) {
    return new RunsCommand.RunEntry("run-1", "2026-12-02T19:07:00Z", "2026-12-02T19:09:00Z", complete, planned, stored,
        List.of("text/bert"), "text", "tiny", "cpu", "/tmp/r", "", "");
  }

  @Test
  void pointsSayStoredOfPlannedAndWhatRefinementAdded() {
    assertThat(RunsCommand.points(run(false, 8, 6))).isEqualTo("6/8");
    assertThat(RunsCommand.points(run(true, 8, 8))).isEqualTo("8/8");
    // not "24/8": every planned point, and 16 added after the grid
    assertThat(RunsCommand.points(run(true, 8, 24))).isEqualTo("8/8 +16");
  }

  @Test
  void whenGivesTheDayOnceUnlessTheRunCrossedMidnight() {
    String start = RunsCommand.when(Instant.parse("2026-12-02T12:07:00Z"), Instant.parse("2026-12-02T12:09:00Z"));
    assertThat(start).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\u2013\\d{2}:\\d{2}");
    String across = RunsCommand.when(Instant.parse("2026-12-02T12:07:00Z"), Instant.parse("2026-12-04T12:09:00Z"));
    assertThat(across).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\u2013\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
  }
}
