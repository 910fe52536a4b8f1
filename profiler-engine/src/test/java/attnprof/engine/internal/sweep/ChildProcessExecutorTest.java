package attnprof.engine.internal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.engine.PluginRegistry;
import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the ends of a child process become a point's status, with stand-in commands for the child JVM. */
class ChildProcessExecutorTest {
  private static final PointJob JOB = new PointJob(0, "text/bert", "tiny", Map.of(), 64, 1, Mode.INFERENCE, "cpu", 0,
      List.of("latency"), 3, 1, 42, null, null, null);
  private static final PluginRegistry EMPTY = new PluginRegistry(List.of(), List.of(), List.of(), List.of(), Map.of(),
      List.of());

  @Test
  void aChildPastItsTimeLimitIsKilledAndTheVerdictIsTimeout(@TempDir Path logs) {
    PointResult result = executor(logs, "sleep 30").execute(JOB, Duration.ofMillis(500));

    assertThat(result.status()).isEqualTo(PointStatus.TIMEOUT);
    assertThat(result.message()).isEqualTo("did not finish within 0.5 s");
    assertThat(result.wallSeconds()).isLessThan(10);
  }

  @Test
  void aChildKilledBySigkillIsOutOfMemory(@TempDir Path logs) {
    PointResult result = executor(logs, "kill -9 $$").execute(JOB, Duration.ofSeconds(30));

    assertThat(result.status()).isEqualTo(PointStatus.OOM);
  }

  @Test
  void aChildThatDiesWithoutAResultIsAnErrorCarryingItsLastLogLine(@TempDir Path logs) {
    PointResult result = executor(logs, "echo 'something broke'; exit 3").execute(JOB, Duration.ofSeconds(30));

    assertThat(result.status()).isEqualTo(PointStatus.ERROR);
    assertThat(result.message()).isEqualTo("the measuring process exited with code 3 and no result: something broke");
    assertThat(logs.resolve("000-text_bert-64-inference-b1.log")).exists();
  }

  private static ChildProcessExecutor executor(Path logs, String script) {
    return new ChildProcessExecutor(EMPTY, logs, (job, result) -> List.of("bash", "-c", script));
  }
}
