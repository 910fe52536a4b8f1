package attnprof.engine.internal.store;

import attnprof.api.Mode;
import attnprof.engine.SweepRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A sweep's request as the results database keeps it: plain values, so that a run can be resumed. */
public record StoredRequest(List<String> variants, String modality, String preset, Map<String, String> params,
    List<Double> lengths, List<Integer> batches, List<String> modes, List<String> metrics, String device, int threads,
    int runs, Long minTimeMillis, int warmup, Integer forks, Double noise, String refine, Long refineBudgetSeconds,
    long timeoutSeconds, boolean inProcess, List<String> inputs, long seed, String outputDirectory,
    String traceDirectory) {

  public static StoredRequest of(SweepRequest request) {
    return new StoredRequest(request.variants(), request.modality(), request.preset(), request.params(),
        request.lengths(), request.batches(), request.modes().stream().map(Mode::id).toList(), request.metrics(),
        request.device(), request.threads(), request.runs(), request.minTime().toMillis(), request.warmup(),
        request.forks(), request.noise(), request.refine().id(), request.refineBudget().toSeconds(),
        request.timeout().toSeconds(), request.inProcess(), request.inputs().stream().map(p -> p.toAbsolutePath().toString()).toList(),
        request.seed(), absolute(request.outputDirectory()), absolute(request.traceDirectory()));
  }

  public SweepRequest toRequest() {
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
    return builder.build();
  }

  private static String absolute(Path path) {
    return path == null ? null : path.toAbsolutePath().normalize().toString();
  }
}
