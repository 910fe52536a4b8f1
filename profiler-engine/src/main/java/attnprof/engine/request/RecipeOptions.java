package attnprof.engine.request;

import java.nio.file.Path;

/**
 * How a scheduler recipe runs a plan's shards.
 *
 * @param shards how many shards (array tasks, or Job indexes)
 * @param plan the plan file the tasks read (Slurm; on the cluster's shared file system)
 * @param launcher the {@code attnprof} launcher the tasks run (Slurm; on the cluster's shared file system)
 * @param results the shared folder each finished shard is copied to and the merge writes into
 *     ({@code RESULTS/shard-I}, {@code RESULTS/merged}); for Kubernetes, the mount path of the results volume
 * @param cpusPerShard the CPUs each task gets
 * @param image the container image with attnprof (Kubernetes)
 * @param volumeClaim the persistent volume claim that holds the results (Kubernetes)
 */
public record RecipeOptions(int shards, Path plan, Path launcher, Path results, int cpusPerShard, String image,
    String volumeClaim) {
}
