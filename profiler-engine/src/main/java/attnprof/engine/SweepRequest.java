package attnprof.engine;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to sweep: variants x lengths x batch sizes x modes x metrics on one device. Immutable; made
 * with {@link #builder()}, whose defaults are the launcher's.
 *
 * @param variants variant ids; empty means every variant of {@code modality}
 * @param modality the modality whose variants to sweep when {@code variants} is empty
 * @param preset the preset of every variant
 * @param params parameter overrides, applied to every variant that has the parameter
 * @param lengths input lengths; empty means the modality's default grid (or the real inputs' own lengths)
 * @param batches batch sizes for throughput and memory; latency is always measured at batch 1
 * @param modes inference, training or both
 * @param metrics metric ids
 * @param device the device id
 * @param threads TensorFlow's op threads, 0 for its default (every core)
 * @param runs timed runs per point
 * @param warmup untimed runs before them
 * @param timeout the time limit of one point
 * @param inProcess whether to measure in this JVM instead of a fresh child JVM per point
 * @param inputs real input files to profile instead of synthetic inputs
 * @param seed the seed of weights and synthetic inputs
 * @param outputDirectory where to write results as they come (CSV, JSON, logs), or null for none
 * @param traceDirectory where to write one traced step per point as a Chrome trace, or null for none
 */
public record SweepRequest(
    List<String> variants,
    String modality,
    String preset,
    Map<String, String> params,
    List<Double> lengths,
    List<Integer> batches,
    List<Mode> modes,
    List<String> metrics,
    String device,
    int threads,
    int runs,
    int warmup,
    Duration timeout,
    boolean inProcess,
    List<Path> inputs,
    long seed,
    Path outputDirectory,
    Path traceDirectory) {

  public static final String DEFAULT_MODALITY = "text";
  public static final List<String> DEFAULT_METRICS = List.of("latency", "throughput", "peak-memory", "breakdown", "flops");

  public SweepRequest {
    variants = List.copyOf(variants);
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(preset, "preset");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    lengths = List.copyOf(lengths);
    batches = List.copyOf(batches);
    modes = List.copyOf(modes);
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(timeout, "timeout");
    inputs = List.copyOf(inputs);
    for (double length : lengths) {
      if (!(length >= 1) || Double.isInfinite(length)) {
        throw ProfilerException.user("length must be a number of at least 1, got " + length);
      }
    }
    for (int batch : batches) {
      if (batch < 1) {
        throw ProfilerException.user("batch size must be at least 1, got " + batch);
      }
    }
    if (runs < 1) {
      throw ProfilerException.user("runs must be at least 1, got " + runs);
    }
    if (warmup < 0) {
      throw ProfilerException.user("warm-up runs must not be negative, got " + warmup);
    }
    if (threads < 0) {
      throw ProfilerException.user("threads must not be negative, got " + threads);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw ProfilerException.user("the time limit per point must be positive, got " + timeout);
    }
    if (batches.isEmpty() || modes.isEmpty() || metrics.isEmpty()) {
      throw ProfilerException.user("a sweep needs at least one batch size, mode and metric");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a request; every setter has the launcher's default. */
  public static final class Builder {
    private final List<String> variants = new ArrayList<>();
    private String modality = DEFAULT_MODALITY;
    private String preset = "small";
    private final Map<String, String> params = new LinkedHashMap<>();
    private final List<Double> lengths = new ArrayList<>();
    private List<Integer> batches = List.of(1);
    private List<Mode> modes = List.of(Mode.INFERENCE, Mode.TRAINING);
    private List<String> metrics = DEFAULT_METRICS;
    private String device = "cpu";
    private int threads;
    private int runs = 5;
    private int warmup = 2;
    private Duration timeout = Duration.ofMinutes(5);
    private boolean inProcess;
    private final List<Path> inputs = new ArrayList<>();
    private long seed = 42;
    private Path outputDirectory;
    private Path traceDirectory;

    private Builder() {
    }

    public Builder variants(String... ids) {
      variants.addAll(List.of(ids));
      return this;
    }

    public Builder variants(List<String> ids) {
      variants.addAll(ids);
      return this;
    }

    public Builder modality(String value) {
      modality = value;
      return this;
    }

    public Builder preset(String value) {
      preset = value;
      return this;
    }

    public Builder param(String name, String value) {
      params.put(name, value);
      return this;
    }

    public Builder lengths(double... values) {
      for (double value : values) {
        lengths.add(value);
      }
      return this;
    }

    public Builder lengths(List<Double> values) {
      lengths.addAll(values);
      return this;
    }

    public Builder batches(Integer... values) {
      batches = List.of(values);
      return this;
    }

    public Builder batches(List<Integer> values) {
      batches = List.copyOf(values);
      return this;
    }

    public Builder modes(Mode... values) {
      modes = List.of(values);
      return this;
    }

    public Builder modes(List<Mode> values) {
      modes = List.copyOf(values);
      return this;
    }

    public Builder metrics(String... ids) {
      metrics = List.of(ids);
      return this;
    }

    public Builder metrics(List<String> ids) {
      metrics = List.copyOf(ids);
      return this;
    }

    public Builder device(String value) {
      device = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder runs(int value) {
      runs = value;
      return this;
    }

    public Builder warmup(int value) {
      warmup = value;
      return this;
    }

    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /** Measures in this JVM: faster to start, but memory figures share the process and timeouts cannot stop native work. */
    public Builder inProcess(boolean value) {
      inProcess = value;
      return this;
    }

    public Builder inputs(List<Path> files) {
      inputs.addAll(files);
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder outputDirectory(Path value) {
      outputDirectory = value;
      return this;
    }

    /** Writes one traced step per point as a Chrome trace (the Trace Event Format) into this folder. */
    public Builder traceDirectory(Path value) {
      traceDirectory = value;
      return this;
    }

    /** @throws ProfilerException a user error for a value out of range */
    public SweepRequest build() {
      return new SweepRequest(variants, modality, preset, params, lengths, batches, modes, metrics, device, threads,
          runs, warmup, timeout, inProcess, inputs, seed, outputDirectory, traceDirectory);
    }
  }
}
