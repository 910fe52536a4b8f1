package attnprof.engine.result;

import java.util.List;

/**
 * What merging the shards of a planned sweep gave: the merged run, as a sweep would have returned it, and
 * its coverage of the plan.
 *
 * @param result the merged run, with its tipping points
 * @param planned how many points the plan has
 * @param missing the plan's points no shard stored, each with its shard ({@code text/bert 64 inference b1
 *     (shard 2/3)})
 * @param failed the points stored with a status other than ok, each with its shard and status
 */
public record MergeResult(SweepResult result, int planned, List<String> missing, List<String> failed) {
  public MergeResult {
    missing = List.copyOf(missing);
    failed = List.copyOf(failed);
  }
}
