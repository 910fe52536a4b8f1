package attnprof.engine.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.PointSpec;
import attnprof.api.Mode;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Progress written to {@link #bytes}, as on a terminal of this width or not. */
  private ConsoleProgress progress(boolean terminal, int width) {
    return new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), null, false, terminal, width);
  }

  private static PointResult point(String variant, PointStatus status) {
    return new PointResult(new PointSpec(variant, "", "text", "tiny", Map.of(), "synthetic", 64, "tokens", 1,
        Mode.INFERENCE, "cpu", false), status, List.of(), 0, List.of(), status == PointStatus.OK ? "" : "out of memory",
        1.5, List.of());
  }

  @Test
  void withoutATerminalItWritesPlainLinesOnly() {
    ConsoleProgress progress = progress(false, 100);
    progress.sweepStarted("run-1", 4, 2);
    progress.stepStarted(0, 2, "text/bert + 1 more 64 inference b1 (fork 1/1)");
    progress.stepFinished(0, 2, "text/bert + 1 more 64 inference b1 (fork 1/1)",
        List.of(point("text/bert", PointStatus.OK), point("text/x", PointStatus.OK)), 1.5, Duration.ofSeconds(75));
    progress.stepStarted(1, 2, "text/bert + 1 more 128 inference b1 (fork 1/1)");
    progress.stepFinished(1, 2, "text/bert + 1 more 128 inference b1 (fork 1/1)",
        List.of(point("text/bert", PointStatus.OK), point("text/x", PointStatus.OOM)), 2.25, Duration.ZERO);
    progress.sweepFinished(null);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
        attnprof: run-1: 4 points in 2 steps (each step: a length's variants timed side by side in a fresh
          JVM)
        [1/2] text/bert + 1 more 64 inference b1 (fork 1/1)  ok  1.5s  (about 1m15s left)
        [2/2] text/bert + 1 more 128 inference b1 (fork 1/1)  text/x oom: out of memory  2.3s
        """);
  }

  @Test
  void onATerminalABarShowsTheCurrentStepTheTimeSpentAndTheTimeLeft() {
    ConsoleProgress progress = progress(true, 120);
    progress.sweepStarted("run-1", 4, 4);
    progress.stepStarted(0, 4, "text/bert 64 inference b1");
    progress.stepFinished(0, 4, "text/bert 64 inference b1", List.of(point("text/bert", PointStatus.OK)), 1.5,
        Duration.ofSeconds(90));
    progress.stepStarted(1, 4, "text/bert 128 inference b1");

    String bar = progress.bar(System.nanoTime());
    progress.sweepFinished(null);
    assertThat(bar).startsWith("[######------------------] 1/4  ").contains("about 1m30s left")
        .contains("now: text/bert 128 inference b1 (0s)");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\r\033[K[1/4] text/bert 64 inference b1  ok  1.5s\n");
    assertThat(new ConsoleProgress(System.err, null, false, true, 40).bar(0)).hasSizeLessThan(40);
  }

  @Test
  void theTimeLeftIsEstimatingUntilAStepEndsThenMovesHalfwayToEachFreshEstimate() {
    ConsoleProgress progress = progress(false, 100);
    progress.sweepStarted("run-1", 10, 10);
    assertThat(progress.bar(0)).contains("estimating\u2026").doesNotContain("left");
    long second = 1_000_000_000L;
    assertThat(progress.estimate(Duration.ofSeconds(100), 0)).isEqualTo(Duration.ofSeconds(100));
    // 10 s later the last estimate has counted down to 90 s; a fresh 190 s moves it halfway, to 140 s
    assertThat(progress.estimate(Duration.ofSeconds(190), 10 * second)).isEqualTo(Duration.ofSeconds(140));
    // and it counts down between steps
    assertThat(progress.bar(15 * second)).contains("about 2m15s left");
  }
}
