package attnprof.engine.internal.cli;

import attnprof.engine.Profiler;
import attnprof.engine.request.RecipeOptions;
import attnprof.engine.request.SweepRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code attnprof plan}: resolves a sweep into a plan file, and writes a scheduler's recipe for its shards. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Resolves a sweep into its points: a plan file with each point's stable id and predicted cost, "
        + "for `attnprof sweep --plan FILE [--shard I/N]` and `attnprof merge`.",
        "With --emit, prints a Slurm job array script or a Kubernetes Indexed Job manifest that runs its shards.",
        "With --refine RUN, plans the next refinement wave of a merged run: the lengths its tipping points need."})
final class PlanCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  SweepOptions options;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "plan.json",
      description = "the plan file to write (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
      description = "how many shards the recipe runs and the summary predicts (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(names = "--emit", paramLabel = "slurm|k8s",
      description = "print a scheduler's recipe for the shards: an sbatch job array script with the merge as a "
          + "dependent job, or a Kubernetes Indexed Job manifest")
  String emit;

  @Option(names = "--shared", paramLabel = "DIR",
      description = "with --emit: the shared folder each finished shard is copied to and merged in "
          + "(default: RESULTS/PLAN_ID; for k8s, the results volume's mount path, default /results)")
  Path shared;

  @Option(names = "--cpus-per-shard", paramLabel = "N", defaultValue = "2",
      description = "with --emit: CPUs for each task (default: ${DEFAULT-VALUE})")
  int cpusPerShard;

  @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "attnprof:latest",
      description = "with --emit k8s: a container image with attnprof on its PATH (default: ${DEFAULT-VALUE})")
  String image;

  @Option(names = "--volume-claim", paramLabel = "NAME", defaultValue = "attnprof-results",
      description = "with --emit k8s: the persistent volume claim for the results (default: ${DEFAULT-VALUE})")
  String volumeClaim;

  @Override
  public void run() {
    String refineRun = null;
    if (spec.commandLine().getParseResult().hasMatchedOption("--refine") && !options.refine.equals("none")) {
      if (options.refine.equals("auto")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "a plan measures its points as planned, with "
            + "--forks each; its refinement comes in waves: `attnprof plan --refine RUN` plans the next one from "
            + "a merged run");
      }
      refineRun = options.refine;
      List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
          .map(CommandLine.Model.OptionSpec::longestName).filter(name -> !List.of("--refine", "--out", "--shards",
              "--emit", "--shared", "--cpus-per-shard", "--image", "--volume-claim", "--results", "--db",
              "--plugins").contains(name)).distinct().toList();
      if (!others.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "a refinement wave takes the settings of the "
            + "run it refines; leave out " + String.join(", ", others));
      }
    }
    if (shards < 1 || shards > attnprof.engine.request.Shard.MAX_COUNT) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--shards must be from 1 to "
          + attnprof.engine.request.Shard.MAX_COUNT + ", got " + shards);
    }
    if (emit != null && !emit.equals("slurm") && !emit.equals("k8s")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--emit takes slurm or k8s, got `" + emit + "`");
    }
    checkRecipeOptions();
    if (java.nio.file.Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out `" + out + "` is a folder; name the plan "
          + "file, such as " + out.resolve("plan.json"));
    }
    Profiler profiler = root.profilerSayingPluginTrouble();
    String planId = refineRun != null ? profiler.planRefinement(root.database(), refineRun, out)
        : profiler.plan(options.builder().refine(SweepRequest.Refine.NONE).build(), root.database(), out);
    double[] seconds = profiler.predictedShardSeconds(out, shards);
    double total = java.util.Arrays.stream(seconds).sum();
    StringBuilder perShard = new StringBuilder();
    for (int i = 0; i < seconds.length; i++) {
      perShard.append(i == 0 ? "" : ", ").append(Formats.duration(Duration.ofSeconds(Math.round(seconds[i]))));
    }
    root.err.println("attnprof: " + planId + " written to " + out + "; predicted " + Formats.duration(
        Duration.ofSeconds(Math.round(total))) + (shards > 1 ? " in all, per shard: " + perShard : ""));
    if (emit != null) {
      Path folder = shared != null ? shared : emit.equals("k8s") ? Path.of("/results") : root.results().resolve(planId);
      Path launcher = Path.of(System.getProperty("attnprof.launcher", "attnprof"));
      root.out.print(profiler.schedulerRecipe(out, emit, new RecipeOptions(shards, out, launcher, folder, cpusPerShard,
          image, volumeClaim)));
    }
  }

  /** A container image reference: registry, path, tag and digest, nothing a shell or YAML would read otherwise. */
  private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
  /** A Kubernetes object name (DNS-1123 subdomain). */
  private static final java.util.regex.Pattern CLAIM = java.util.regex.Pattern.compile(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private void checkRecipeOptions() {
    if (cpusPerShard < 1 || cpusPerShard > 4096) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cpus-per-shard must be from 1 to 4096, got "
          + cpusPerShard);
    }
    if (!IMAGE.matcher(image).matches() || image.length() > 1024) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--image `" + Main.oneLine(image) + "` is not a "
          + "container image reference (such as registry.example/attnprof:1.0)");
    }
    if (!CLAIM.matcher(volumeClaim).matches() || volumeClaim.length() > 253) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--volume-claim `" + Main.oneLine(volumeClaim)
          + "` is not a Kubernetes name (lower-case letters, digits, '-' and '.')");
    }
  }
}
