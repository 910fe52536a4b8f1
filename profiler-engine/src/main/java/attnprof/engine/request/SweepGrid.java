package attnprof.engine.request;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep measures: variants x lengths x batch sizes x modes x metrics, on synthetic or real inputs.
 * Repeated entries of a list (a length given twice, {@code 64} and {@code 64.0}, an input file named twice) are
 * kept once: a point is measured once.
 *
 * @param variants variant ids; empty means every variant of {@code modality}
 * @param modality the modality whose variants to sweep when {@code variants} is empty
 * @param preset the preset of every variant
 * @param params parameter overrides, applied to every variant that has the parameter
 * @param lengths input lengths; empty means the modality's default grid (or the real inputs' own lengths);
 *     positive infinity is the streaming mode's unlimited left context
 * @param batches batch sizes for throughput and memory; latency is always measured at batch 1
 * @param modes inference, training, streaming
 * @param metrics metric ids
 * @param inputs real input files to profile instead of synthetic inputs, made absolute
 */
public record SweepGrid(List<String> variants, String modality, String preset, Map<String, String> params,
    List<Double> lengths, List<Integer> batches, List<Mode> modes, List<String> metrics, List<Path> inputs) {

  /** @throws ProfilerException a user error for a value out of range */
  public SweepGrid {
    variants = distinct(variants);
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(preset, "preset");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    lengths = distinct(lengths);
    batches = distinct(batches);
    modes = distinct(modes);
    metrics = distinct(metrics);
    inputs = distinct(inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    for (double length : lengths) {
      // positive infinity: a streaming left context of every chunk before (the planner refuses it elsewhere)
      if (!(length >= 1)) {
        throw ProfilerException.user("length must be a number of at least 1, got " + length);
      }
    }
    for (int batch : batches) {
      if (batch < 1) {
        throw ProfilerException.user("batch size must be at least 1, got " + batch);
      }
    }
    if (batches.isEmpty() || modes.isEmpty() || metrics.isEmpty()) {
      throw ProfilerException.user("a sweep needs at least one batch size, mode and metric");
    }
  }

  /** The entries of a list in their first order, each once. */
  private static <T> List<T> distinct(List<T> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
