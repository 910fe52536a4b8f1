package attnprof.engine.internal.fork;

import attnprof.engine.result.PointSpec;
import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.measure.MeasurementBudget;
import attnprof.engine.internal.point.Point;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.PointStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the ends of a child process become points' statuses, with stand-in commands for the child JVM
 * that speak the fork protocol through its events file.
 */
class ChildForkExecutorTest {
  private static final PluginRegistry EMPTY = new PluginRegistry(List.of(), List.of(), List.of(), List.of(), Map.of(),
      List.of());
  private static final MeasurementBudget BUDGET = new MeasurementBudget(3, 0, 1, 10);

  private static Point job(int index, String variant, String baseline) {
    return new Point(index, new PointSpec(variant, baseline, "text", "tiny", Map.of("layers", "2"), null, 64, "tokens",
        1, Mode.INFERENCE, "cpu", false), Map.of(), null, 0, List.of("latency"), 42);
  }

  private static final Point BASELINE = job(0, "text/bert", "");
  private static final Point VARIANT = job(1, "text/x", "text/bert");

  private static ForkJob fork(long timeoutMillis) {
    return new ForkJob(0, "text_bert-f1", List.of(List.of(BASELINE, VARIANT)), BUDGET, true, false, timeoutMillis,
        null, null);
  }

  /** Runs each attempt's script in turn, the last one for every later attempt. */
  private static ChildForkExecutor executor(Path logs, List<String> attempts, List<String> seen) {
    AtomicInteger attempt = new AtomicInteger();
    return new ChildForkExecutor(EMPTY, logs, (jobFile, work) -> {
      String script = attempts.get(Math.min(attempt.getAndIncrement(), attempts.size() - 1));
      seen.add(script);
      return List.of("bash", "-c", "cd '" + work + "' && " + script);
    });
  }

  @Test
  void aPointPastItsTimeLimitIsTimeoutAndTheOthersAreMeasuredInANewProcessWithTheirIdentity(@TempDir Path logs) {
    List<String> seen = new ArrayList<>();
    // the first process hangs loading the variant; the second is told only the baseline and dies quietly
    var outcomes = executor(logs, List.of("echo 'loading 1' >> events; sleep 30", "exit 0"), seen)
        .execute(fork(500), ForkExecutor.Listener.NONE);

    assertThat(outcomes).hasSize(2);
    var variant = outcomes.stream().filter(o -> o.job().index() == 1).findFirst().orElseThrow().result();
    assertThat(variant.status()).isEqualTo(PointStatus.TIMEOUT);
    assertThat(variant.message()).isEqualTo("did not finish within 0.5 s");
    assertThat(variant.baseline()).isEqualTo("text/bert");
    assertThat(variant.modality()).isEqualTo("text");
    assertThat(variant.lengthUnit()).isEqualTo("tokens");
    var baseline = outcomes.stream().filter(o -> o.job().index() == 0).findFirst().orElseThrow().result();
    assertThat(baseline.status()).isEqualTo(PointStatus.ERROR);
    assertThat(seen).hasSize(2);
    assertThat(logs.resolve("text_bert-f1.log")).exists();
    assertThat(logs.resolve("text_bert-f1-r1.log")).exists();
  }

  @Test
  void workFoldersOfLaunchersThatAreGoneAreRemovedAndOthersKept(@TempDir Path temporary) throws Exception {
    long gone = ProcessHandle.current().pid() + 4_000_000; // above any Linux pid_max
    Path stale = java.nio.file.Files.createDirectories(temporary.resolve("attnprof-fork-" + gone + "-123"));
    java.nio.file.Files.writeString(stale.resolve("fork.json"), "{}");
    Path live = java.nio.file.Files.createDirectories(temporary.resolve("attnprof-fork-"
        + ProcessHandle.current().pid() + "-456"));
    Path other = java.nio.file.Files.createDirectories(temporary.resolve("attnprof-fork-abc"));

    ChildForkExecutor.removeStaleWorkFolders(temporary);

    assertThat(stale).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
  }

  @Test
  void aProcessThatCannotBeStartedLeavesItsPointsNotRun(@TempDir Path logs) {
    var outcomes = new ChildForkExecutor(EMPTY, logs, (jobFile, work) -> List.of(logs.resolve("no-such-program")
        .toString())).execute(fork(30_000), ForkExecutor.Listener.NONE);

    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
      assertThat(outcome.result().status()).isEqualTo(PointStatus.NOT_RUN);
      assertThat(outcome.result().message()).startsWith("could not start the measuring process: ");
      assertThat(outcome.result().lengthUnit()).isEqualTo("tokens");
    });
    assertThat(PointStatus.NOT_RUN.id()).isEqualTo("not-run");
  }

  @Test
  void aProcessKilledBySigkillWhileLoadingAPointIsThatPointOutOfMemory(@TempDir Path logs) {
    List<String> seen = new ArrayList<>();
    var outcomes = executor(logs, List.of("echo 'loading 0' >> events; kill -9 $$", "exit 0"), seen)
        .execute(fork(30_000), ForkExecutor.Listener.NONE);

    var baseline = outcomes.stream().filter(o -> o.job().index() == 0).findFirst().orElseThrow().result();
    assertThat(baseline.status()).isEqualTo(PointStatus.OOM);
  }

  @Test
  void aProcessThatDiesWithoutAResultIsAnErrorCarryingItsLastLogLine(@TempDir Path logs) {
    List<String> seen = new ArrayList<>();
    var outcomes = executor(logs, List.of("echo 'something broke'; exit 3"), seen)
        .execute(fork(30_000), ForkExecutor.Listener.NONE);

    assertThat(outcomes).extracting(o -> o.result().status()).containsOnly(PointStatus.ERROR);
    assertThat(outcomes.get(0).result().message())
        .isEqualTo("the measuring process exited with code 3 and no result: something broke");
    // a process that said nothing at all is not started again and again
    assertThat(seen).hasSize(1);
  }

  @Test
  void aProcessThatDiesTimingACellHasEachOfItsPointsMeasuredAlone(@TempDir Path logs) {
    List<String> seen = new ArrayList<>();
    var outcomes = executor(logs, List.of(
        "echo 'loading 0' >> events; echo 'loading 1' >> events; echo 'timing -1 1.0' >> events; exit 1",
        "echo 'loading 0' >> events; exit 0",
        "echo 'loading 1' >> events; kill -9 $$"), seen)
        .execute(fork(30_000), ForkExecutor.Listener.NONE);

    // alone, the baseline's process ended without a word on it; the variant's was killed loading it
    assertThat(seen).hasSize(3);
    var variant = outcomes.stream().filter(o -> o.job().index() == 1).findFirst().orElseThrow();
    assertThat(variant.result().status()).isEqualTo(PointStatus.OOM);
    assertThat(variant.process()).isEqualTo("text_bert-f1-r2");
  }

  @Test
  void aProcessKilledBeforeItSaysAnythingHasItsPointsGoToANewProcess(@TempDir Path logs) {
    List<String> seen = new ArrayList<>();
    var outcomes = executor(logs, List.of("kill -9 $$", "echo 'loading 0' >> events; echo 'loading 1' >> events; "
        + "echo 'timing -1 1.0' >> events; kill -9 $$"), seen).execute(fork(30_000), ForkExecutor.Listener.NONE);

    // the second process got as far as timing the cell: what it did is not lost to the first one's death
    assertThat(seen).hasSizeGreaterThan(2);
    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome.process()).isNotEqualTo("text_bert-f1"));
  }

  @Test
  void processesThatKeepDyingAtTheStartLeaveThePointsNotRunForAResume(@TempDir Path logs) {
    List<String> seen = new ArrayList<>();
    var outcomes = executor(logs, List.of("kill -9 $$"), seen).execute(fork(30_000), ForkExecutor.Listener.NONE);

    assertThat(seen).hasSize(1 + ChildForkExecutor.REPLACEMENTS_AFTER_DEATH_AT_START);
    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
      assertThat(outcome.result().status()).isEqualTo(PointStatus.NOT_RUN);
      assertThat(outcome.result().message()).startsWith("3 measuring processes in a row died before they measured "
          + "anything; the last: the measuring process was killed (SIGKILL)");
    });
  }
}
