package attnprof.engine.request;

import attnprof.api.ProfilerException;
import java.util.Map;

/**
 * One shard of a planned sweep: shard {@code index} of {@code count}, counted from 1. The points of a plan
 * are dealt to its shards by predicted cost, each point to exactly one.
 *
 * @param index which shard, from 1 to {@code count}
 * @param count how many shards the plan is split into
 */
public record Shard(int index, int count) {
  /** The most shards a plan is split into: more than a scheduler's job array runs (Slurm's default is 1001). */
  public static final int MAX_COUNT = 10_000;

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw ProfilerException.user("a shard is I/N with 1 <= I <= N, got " + index + "/" + count);
    }
    if (count > MAX_COUNT) {
      throw ProfilerException.user("a plan is split into at most " + MAX_COUNT + " shards, not " + count);
    }
  }

  /** {@code 2/4}, as {@code --shard} takes it. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw ProfilerException.user("a shard is I/N, such as 2/4, or `auto`; got `" + text + "`");
    }
    return new Shard(number(parts[0], text), number(parts[1], text));
  }

  /**
   * The shard a scheduler's task runs, from its environment: Slurm's job array
   * ({@code SLURM_ARRAY_TASK_ID}, {@code SLURM_ARRAY_TASK_MIN}, {@code SLURM_ARRAY_TASK_COUNT}), else a
   * Kubernetes Indexed Job's {@code JOB_COMPLETION_INDEX} (from 0) with {@code count} given.
   *
   * @param count the number of shards when the scheduler does not say it (Kubernetes), or null
   * @throws ProfilerException a user error when the index is missing or does not fit the count
   */
  public static Shard fromEnvironment(Map<String, String> environment, Integer count) {
    String task = environment.get("SLURM_ARRAY_TASK_ID");
    if (task != null) {
      String min = environment.get("SLURM_ARRAY_TASK_MIN");
      String tasks = environment.get("SLURM_ARRAY_TASK_COUNT");
      if (min == null || tasks == null) {
        throw ProfilerException.user("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN or "
            + "SLURM_ARRAY_TASK_COUNT is not (is this a job array task?)");
      }
      int slurmCount = number(tasks, "SLURM_ARRAY_TASK_COUNT=" + tasks);
      if (count != null && count != slurmCount) {
        throw ProfilerException.user("--shard auto: --shard-count " + count + " but the job array has "
            + slurmCount + " tasks (SLURM_ARRAY_TASK_COUNT)");
      }
      int first = number(min, "SLURM_ARRAY_TASK_MIN=" + min);
      int index = number(task, "SLURM_ARRAY_TASK_ID=" + task) - first + 1;
      if (index < 1 || index > slurmCount) {
        throw ProfilerException.user("--shard auto: task " + task.strip() + " of an array from " + first + " with "
            + slurmCount + " tasks is not one of its shards (use --array=" + first + "-" + ((long) first
            + slurmCount - 1) + " without a step)");
      }
      String completion = environment.get("JOB_COMPLETION_INDEX");
      if (completion != null && number(completion, "JOB_COMPLETION_INDEX=" + completion) + 1 != index) {
        throw ProfilerException.user("--shard auto: the Slurm array task is shard " + index + " but "
            + "JOB_COMPLETION_INDEX=" + completion.strip() + " says shard " + (number(completion,
            "JOB_COMPLETION_INDEX=" + completion) + 1) + "; unset the one that does not belong");
      }
      return new Shard(index, slurmCount);
    }
    String completion = environment.get("JOB_COMPLETION_INDEX");
    if (completion != null) {
      if (count == null) {
        throw ProfilerException.user("--shard auto under Kubernetes needs --shard-count N (the Job's completions)");
      }
      int index = number(completion, "JOB_COMPLETION_INDEX=" + completion) + 1;
      if (index < 1 || index > count) {
        throw ProfilerException.user("--shard auto: JOB_COMPLETION_INDEX " + completion + " is not below "
            + "--shard-count " + count);
      }
      return new Shard(index, count);
    }
    throw ProfilerException.user("--shard auto: no scheduler index in the environment (SLURM_ARRAY_TASK_ID or "
        + "JOB_COMPLETION_INDEX); give --shard I/N");
  }

  private static int number(String text, String whole) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ProfilerException.user("a shard index must be a whole number: `" + whole + "`");
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
