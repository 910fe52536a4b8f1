package attnprof.engine.internal.store;

import attnprof.api.Mode;
import attnprof.engine.request.SweepRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A sweep's request as the results database keeps it: plain values, so that a run can be resumed. A run of
 * a planned sweep's shard also names its plan (kept in the database's {@code plans} table) and its shard
 * ({@code I/N}), so that its resume measures that shard's points only.
 */
public record StoredRequest(List<String> variants, String modality, String preset, Map<String, String> params,
    List<Double> lengths, List<Integer> batches, List<String> modes, List<String> metrics, String device, int threads,
    int runs, Long minTimeMillis, int warmup, Integer forks, Double noise, String refine, Long refineBudgetSeconds,
    long timeoutSeconds, boolean inProcess, List<String> inputs, long seed, String outputDirectory,
    String traceDirectory, String plan, String shard) {

  public static StoredRequest of(SweepRequest request) {
    return new StoredRequest(request.variants(), request.modality(), request.preset(), request.params(),
        request.lengths(), request.batches(), request.modes().stream().map(Mode::id).toList(), request.metrics(),
        request.device(), request.threads(), request.runs(), request.minTime().toMillis(), request.warmup(),
        request.forks(), request.noise(), request.refine().id(), request.refineBudget().toSeconds(),
        request.timeout().toSeconds(), request.inProcess(), request.inputs().stream().map(p -> p.toAbsolutePath().toString()).toList(),
        request.seed(), absolute(request.outputDirectory()), absolute(request.traceDirectory()), null, null);
  }

  /** This request as the run of one shard of a plan. */
  public StoredRequest withShard(String planId, String shardOfPlan) {
    return new StoredRequest(variants, modality, preset, params, lengths, batches, modes, metrics, device, threads,
        runs, minTimeMillis, warmup, forks, noise, refine, refineBudgetSeconds, timeoutSeconds, inProcess, inputs, seed,
        outputDirectory, traceDirectory, planId, shardOfPlan);
  }

  /** This request measuring into another folder. */
  public StoredRequest withOutputDirectory(Path folder) {
    return new StoredRequest(variants, modality, preset, params, lengths, batches, modes, metrics, device, threads,
        runs, minTimeMillis, warmup, forks, noise, refine, refineBudgetSeconds, timeoutSeconds, inProcess, inputs, seed,
        absolute(folder), traceDirectory, plan, shard);
  }

  /** The measuring settings every point of the sweep shares, as text: part of each planned point's id. */
  public String measuringSettings() {
    return "runs=" + runs + ",minTime=" + minTimeMillis + ",warmup=" + warmup + ",forks=" + forks + ",timeout="
        + timeoutSeconds + ",inProcess=" + inProcess;
  }

  public SweepRequest toRequest() {
    return toBuilder().build();
  }

  /** A builder of this request, to change what is not stored (such as the database). */
  public SweepRequest.Builder toBuilder() {
    SweepRequest.Builder builder = SweepRequest.builder().variants(variants).modality(modality).preset(preset)
        .lengths(lengths).batches(batches).modes(modes.stream().map(Mode::of).toList()).metrics(metrics)
        .device(device).threads(threads).runs(runs).warmup(Math.max(1, warmup)).timeout(Duration.ofSeconds(timeoutSeconds))
        // runs stored before these settings existed take the defaults of their day: one fork, no refinement
        .minTime(minTimeMillis == null ? Duration.ZERO : Duration.ofMillis(minTimeMillis))
        .forks(forks == null ? 1 : forks).noise(noise == null ? SweepRequest.DEFAULT_NOISE : noise)
        .refine(refine == null ? SweepRequest.Refine.NONE : SweepRequest.Refine.of(refine))
        .refineBudget(refineBudgetSeconds == null ? SweepRequest.DEFAULT_REFINE_BUDGET
            : Duration.ofSeconds(refineBudgetSeconds))
        .inProcess(inProcess).inputs(inputs.stream().map(Path::of).toList()).seed(seed)
        .outputDirectory(outputDirectory == null ? null : Path.of(outputDirectory))
        .traceDirectory(traceDirectory == null ? null : Path.of(traceDirectory));
    params.forEach(builder::param);
    return builder;
  }

  private static String absolute(Path path) {
    return path == null ? null : path.toAbsolutePath().normalize().toString();
  }
}
