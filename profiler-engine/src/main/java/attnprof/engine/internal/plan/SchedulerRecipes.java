package attnprof.engine.internal.plan;

import attnprof.engine.request.RecipeOptions;
import java.util.Arrays;
import java.util.Locale;

/**
 * Recipes that hand a plan's shards to a cluster's scheduler: a Slurm job array with its merge as a dependent
 * job, and a Kubernetes Indexed Job. Each task measures its shard on local disk (SQLite's locking is not to
 * be trusted on NFS) and copies the shard's folder to the shared results folder when it ends; a task run
 * again (a requeue, a retry of an index) starts from that copy, so points it stored are not measured again.
 */
public final class SchedulerRecipes {
  /** The time limit of a task: its predicted time times this, plus {@link #MARGIN_SECONDS}. */
  static final double MARGIN_FACTOR = 1.5;
  static final long MARGIN_SECONDS = 600;

  private SchedulerRecipes() {
  }

  /** A script that is both the job array ({@code sbatch FILE}) and its own submitter ({@code bash FILE}). */
  /** The recipe of a scheduler by name: {@code slurm} or {@code k8s}. */
  public static String of(String scheduler, PlanFile plan, RecipeOptions options) {
    return switch (scheduler) {
      case "slurm" -> slurm(plan, options);
      case "k8s" -> kubernetes(plan, options);
      default -> throw attnprof.api.ProfilerException.user("no recipe for `" + scheduler + "`; known: slurm, k8s");
    };
  }

  public static String slurm(PlanFile plan, RecipeOptions options) {
    double[] seconds = plan.predictedSecondsOfShards(options.shards());
    String limit = slurmTime(limitSeconds(seconds));
    String name = "attnprof-" + plan.planId();
    String results = scriptable("--shared", options.results().toAbsolutePath().normalize().toString());
    String launcher = scriptable("the launcher's path", options.launcher().toAbsolutePath().normalize().toString());
    String planPath = scriptable("the plan's path", options.plan().toAbsolutePath().normalize().toString());
    return String.join("\n",
        "#!/usr/bin/env bash",
        "#SBATCH --job-name=" + name,
        "#SBATCH --array=1-" + options.shards(),
        "#SBATCH --ntasks=1",
        "#SBATCH --cpus-per-task=" + options.cpusPerShard(),
        "#SBATCH --time=" + limit,
        "#SBATCH --requeue",
        "#SBATCH --open-mode=append",
        "#SBATCH --output=" + slurmOption(results + "/slurm-%A_%a.out"),
        "# attnprof " + plan.planId() + ": " + plan.points().size() + " points in " + options.shards()
            + " shards on a Slurm job array, then their merge as a job of its own.",
        "# predicted per shard: " + describe(seconds) + "; time limit " + limit + " (predicted x" + MARGIN_FACTOR
            + " + " + MARGIN_SECONDS / 60 + " min)",
        "# predicted from " + plan.predictedFrom(),
        "# Submit with `bash THIS_FILE` (submits the array, then the merge with --dependency=afterany)",
        "# or `sbatch THIS_FILE` (the array's first task submits the merge).",
        "set -euo pipefail",
        "attnprof=" + quote(launcher),
        "plan=" + quote(planPath),
        "results=" + quote(results),
        "",
        "submit_merge() {",
        "  sbatch --parsable --job-name=" + name + "-merge --dependency=afterany:\"$1\" --ntasks=1 --cpus-per-task=1 \\",
        "    --time=" + slurmTime(MARGIN_SECONDS) + " --output=\"$results/slurm-merge-%j.out\" \\",
        // the merge's command line, each path quoted for the shell --wrap runs it in (%q), the glob left to it
        "    --wrap=\"$(printf '%q merge %q/shard-* --out %q' \"$attnprof\" \"$results\" \"$results/merged\")\"",
        "}",
        "",
        "if [ -z \"${SLURM_ARRAY_TASK_ID:-}\" ]; then",
        "  # run by hand: submit the array, then the merge",
        "  mkdir -p \"$results\"",
        "  [ -f \"$plan\" ] || { echo \"attnprof: no plan at $plan\" >&2; exit 2; }",
        "  array=$(sbatch --parsable --export=ALL,ATTNPROF_MERGE=submitted \"$0\")",
        "  merge=$(submit_merge \"${array%%;*}\")",
        "  echo \"submitted the shards as job $array and their merge as job $merge; results in $results/merged\"",
        "  exit 0",
        "fi",
        "",
        "# sbatch THIS_FILE: the first task submits the merge, once (not again when requeued)",
        "if [ -z \"${ATTNPROF_MERGE:-}\" ] && [ \"$SLURM_ARRAY_TASK_ID\" = \"$SLURM_ARRAY_TASK_MIN\" ] \\",
        "    && [ \"${SLURM_RESTART_COUNT:-0}\" = 0 ]; then",
        "  submit_merge \"$SLURM_ARRAY_JOB_ID\" > /dev/null",
        "fi",
        "",
        "shard=\"$results/shard-$SLURM_ARRAY_TASK_ID\"",
        "local=\"${TMPDIR:-/tmp}/" + name + "-shard-$SLURM_ARRAY_TASK_ID\"",
        "# a task run again goes on from what its shard stored before",
        "if [ -d \"$shard\" ] && [ ! -d \"$local\" ]; then cp -a \"$shard\" \"$local\"; fi",
        "# when the task ends, even by Slurm's SIGTERM at its time limit, the shard goes to the shared folder",
        "save() { mkdir -p \"$shard\" && cp -a \"$local/.\" \"$shard/\" && rm -rf \"$local\"; }",
        "trap save EXIT",
        "trap 'exit 143' TERM",
        "\"$attnprof\" sweep --plan \"$plan\" --shard auto --out \"$local\"",
        "");
  }

  /** A ConfigMap with the plan and an Indexed Job whose index {@code i} runs shard {@code i + 1}. */
  public static String kubernetes(PlanFile plan, RecipeOptions options) {
    double[] seconds = plan.predictedSecondsOfShards(options.shards());
    long limit = limitSeconds(seconds);
    String name = plan.planId();
    String results = scriptable("--shared", options.results().toString());
    String script = String.join("\n",
        "set -eu",
        "shard=" + quote(results) + "\"/shard-$((JOB_COMPLETION_INDEX + 1))\"",
        "local=/local/shard",
        "if [ -d \"$shard\" ] && [ ! -d \"$local\" ]; then cp -a \"$shard\" \"$local\"; fi",
        "save() { mkdir -p \"$shard\" && cp -a \"$local/.\" \"$shard/\"; }",
        "trap save EXIT",
        "trap 'exit 143' TERM",
        "attnprof sweep --plan /plan/plan.json --shard auto --shard-count " + options.shards() + " --out \"$local\"");
    StringBuilder yaml = new StringBuilder();
    yaml.append("# attnprof ").append(plan.planId()).append(": ").append(plan.points().size()).append(" points in ")
        .append(options.shards()).append(" shards as a Kubernetes Indexed Job\n")
        .append("# predicted per shard: ").append(describe(seconds)).append("\n")
        .append("# not tested against a live cluster; merge once the Job completes:\n")
        .append("#   kubectl wait --for=condition=complete job/attnprof-").append(name).append("\n")
        .append("#   then run `attnprof merge ").append(quote(results)).append("/shard-* --out ")
        .append(quote(results + "/merged")).append("` where the volume is mounted\n")
        .append("apiVersion: v1\n")
        .append("kind: ConfigMap\n")
        .append("metadata:\n")
        .append("  name: attnprof-").append(name).append("\n")
        .append("data:\n")
        .append("  plan.json: |\n");
    plan.toJson().lines().forEach(line -> yaml.append("    ").append(line).append("\n"));
    yaml.append("---\n")
        .append("apiVersion: batch/v1\n")
        .append("kind: Job\n")
        .append("metadata:\n")
        .append("  name: attnprof-").append(name).append("\n")
        .append("spec:\n")
        .append("  completionMode: Indexed\n")
        .append("  completions: ").append(options.shards()).append("\n")
        .append("  parallelism: ").append(options.shards()).append("\n")
        .append("  backoffLimitPerIndex: 2\n")
        .append("  maxFailedIndexes: ").append(options.shards()).append("\n")
        .append("  template:\n")
        .append("    spec:\n")
        .append("      restartPolicy: Never\n")
        .append("      activeDeadlineSeconds: ").append(limit).append("\n")
        .append("      containers:\n")
        .append("        - name: attnprof\n")
        .append("          image: ").append(jsonString(options.image())).append("\n")
        .append("          command: [\"/bin/sh\", \"-c\", ").append(jsonString(script)).append("]\n")
        .append("          resources:\n")
        .append("            requests: {cpu: \"").append(options.cpusPerShard()).append("\"}\n")
        .append("            limits: {cpu: \"").append(options.cpusPerShard()).append("\"}\n")
        .append("          volumeMounts:\n")
        .append("            - {name: plan, mountPath: /plan, readOnly: true}\n")
        .append("            - {name: local, mountPath: /local}\n")
        .append("            - {name: results, mountPath: ").append(jsonString(results)).append("}\n")
        .append("      volumes:\n")
        .append("        - name: plan\n")
        .append("          configMap: {name: attnprof-").append(name).append("}\n")
        .append("        - name: local\n")
        .append("          emptyDir: {}\n")
        .append("        - name: results\n")
        .append("          persistentVolumeClaim: {claimName: ").append(jsonString(options.volumeClaim())).append("}\n");
    return yaml.toString();
  }

  /** The time limit of the slowest shard: predicted time with its margin. */
  static long limitSeconds(double[] shardSeconds) {
    double most = Arrays.stream(shardSeconds).max().orElse(0);
    return (long) Math.ceil(most * MARGIN_FACTOR) + MARGIN_SECONDS;
  }

  /** Slurm's {@code [D-]HH:MM:SS}. */
  static String slurmTime(long seconds) {
    long days = seconds / 86400;
    long rest = seconds % 86400;
    String time = String.format(Locale.ROOT, "%02d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
    return days > 0 ? days + "-" + time : time;
  }

  private static String describe(double[] seconds) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < seconds.length; i++) {
      text.append(i == 0 ? "" : ", ").append(i + 1).append(": ").append(Math.round(seconds[i])).append(" s");
    }
    return text.toString();
  }

  /**
   * A path a script may hold: any character is quoted where it is used, but a line break or another control
   * character would end a {@code #SBATCH} or YAML comment line and start a command.
   */
  static String scriptable(String what, String value) {
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw attnprof.api.ProfilerException.user(what + " holds a line break or another control character, which "
          + "no scheduler script can carry safely: " + value.replaceAll("\\p{Cntrl}", "?"));
    }
    return value;
  }

  /** A {@code #SBATCH} option's value: in double quotes (sbatch reads them as a shell does) when it needs them. */
  static String slurmOption(String value) {
    return value.matches("[A-Za-z0-9_./%+:=@,-]*") ? value
        : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A value for a POSIX shell, in single quotes. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }

  /** A JSON string, which YAML reads as the same string. */
  private static String jsonString(String value) {
    try {
      return attnprof.engine.format.Json.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
