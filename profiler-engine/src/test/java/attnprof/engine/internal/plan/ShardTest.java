package attnprof.engine.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.ProfilerException;
import attnprof.engine.request.Shard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which shard a task runs: given as I/N, or read from the scheduler's environment. */
class ShardTest {
  @Test
  void aShardIsIOfN() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThatThrownBy(() -> Shard.parse("5/4")).isInstanceOf(ProfilerException.class)
        .hasMessage("a shard is I/N with 1 <= I <= N, got 5/4");
    assertThatThrownBy(() -> Shard.parse("two/4")).isInstanceOf(ProfilerException.class)
        .hasMessage("a shard index must be a whole number: `two/4`");
    assertThatThrownBy(() -> Shard.parse("2")).isInstanceOf(ProfilerException.class)
        .hasMessage("a shard is I/N, such as 2/4, or `auto`; got `2`");
  }

  @Test
  void aSlurmArrayTaskRunsTheShardOfItsPlaceInTheArray() {
    Map<String, String> task = Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_COUNT", "4");
    assertThat(Shard.fromEnvironment(task, null)).isEqualTo(new Shard(4, 4));
    assertThat(Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_MIN", "0",
        "SLURM_ARRAY_TASK_COUNT", "3"), null)).isEqualTo(new Shard(1, 3));
  }

  @Test
  void aKubernetesIndexCountsFromZeroAndNeedsTheCount() {
    assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "0"), 3)).isEqualTo(new Shard(1, 3));
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "0"), null))
        .isInstanceOf(ProfilerException.class)
        .hasMessage("--shard auto under Kubernetes needs --shard-count N (the Job's completions)");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "3"), 3))
        .isInstanceOf(ProfilerException.class)
        .hasMessage("--shard auto: JOB_COMPLETION_INDEX 3 is not below --shard-count 3");
  }

  @Test
  void aMissingOrInconsistentIndexIsAUserError() {
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of(), null)).isInstanceOf(ProfilerException.class)
        .hasMessage("--shard auto: no scheduler index in the environment (SLURM_ARRAY_TASK_ID or "
            + "JOB_COMPLETION_INDEX); give --shard I/N");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "4"), null))
        .isInstanceOf(ProfilerException.class).hasMessageContaining("SLURM_ARRAY_TASK_MIN");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_COUNT", "4"), 3)).isInstanceOf(ProfilerException.class)
        .hasMessage("--shard auto: --shard-count 3 but the job array has 4 tasks (SLURM_ARRAY_TASK_COUNT)");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_COUNT", "4"), null)).isInstanceOf(ProfilerException.class)
        .hasMessageContaining("is not one of its shards");
  }
}
