package attnprof.engine.request;

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
 * with {@link #builder()}, whose defaults are the launcher's. Repeated entries of a list (a length given
 * twice, {@code 64} and {@code 64.0}, an input file named twice) are kept once: a point is measured once.
 *
 * @param variants variant ids; empty means every variant of {@code modality}
 * @param modality the modality whose variants to sweep when {@code variants} is empty
 * @param preset the preset of every variant
 * @param params parameter overrides, applied to every variant that has the parameter
 * @param lengths input lengths; empty means the modality's default grid (or the real inputs' own lengths);
 *     positive infinity is the streaming mode's unlimited left context
 * @param batches batch sizes for throughput and memory; latency is always measured at batch 1
 * @param modes inference, training or both
 * @param metrics metric ids
 * @param device the device id
 * @param threads TensorFlow's op threads, 0 for its default (every core)
 * @param runs the fewest timed runs per point in each fork
 * @param minTime the least timed work per point in each fork: short steps are run until it is reached
 * @param warmup untimed runs before them, the first of which is when TensorFlow optimises the graph
 * @param forks measuring processes per point (the unit of replication); the points of a cell are timed
 *     side by side in each
 * @param noise the relative difference under which a variant and its baseline are indistinguishable
 * @param refine whether to measure more lengths after the grid to narrow tipping points down
 * @param refineBudget the most time refinement may take
 * @param timeout the time limit of one point
 * @param inProcess whether to measure in this JVM instead of a fresh child JVM per point
 * @param inputs real input files to profile instead of synthetic inputs
 * @param seed the seed of weights and synthetic inputs
 * @param outputDirectory where to write results as they come (CSV, JSON, logs), or null for none
 * @param traceDirectory where to write one traced step per point as a Chrome trace, or null for none
 * @param database the results database the run is stored in, or null for {@code attnprof.db} in the
 *     folder that holds {@code outputDirectory} (no database when both are null)
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
    Duration minTime,
    int warmup,
    int forks,
    double noise,
    Refine refine,
    Duration refineBudget,
    Duration timeout,
    boolean inProcess,
    List<Path> inputs,
    long seed,
    Path outputDirectory,
    Path traceDirectory,
    Path database) {

  /** The results database's file name, beside a run's folder by default. */
  public static final String DATABASE_FILE_NAME = "attnprof.db";
  public static final String DEFAULT_MODALITY = "text";
  public static final int DEFAULT_RUNS = 5;
  public static final Duration DEFAULT_MIN_TIME = Duration.ofMillis(1000);
  public static final int DEFAULT_WARMUP = 1;
  public static final int DEFAULT_FORKS = 2;
  public static final double DEFAULT_NOISE = 0.02;
  public static final Duration DEFAULT_REFINE_BUDGET = Duration.ofSeconds(120);

  /** Whether a sweep measures more lengths after its grid to narrow its tipping points down. */
  public enum Refine {
    /** Only the grid. */
    NONE,
    /**
     * Until each tipping point's 95% interval is within 5% of it (memory: to the exact length), or the
     * budget is spent.
     */
    AUTO;

    /** The lower-case name of the command line. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws ProfilerException a user error naming the known values */
    public static Refine of(String id) {
      for (Refine refine : values()) {
        if (refine.id().equalsIgnoreCase(id.trim())) {
          return refine;
        }
      }
      throw ProfilerException.user("no refinement `" + id + "`; known: none, auto");
    }
  }
  public static final List<String> DEFAULT_METRICS = List.of("latency", "throughput", "peak-memory", "breakdown", "flops",
      "streaming");


  public SweepRequest {
    variants = distinct(variants);
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(preset, "preset");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    lengths = distinct(lengths);
    batches = distinct(batches);
    modes = distinct(modes);
    metrics = distinct(metrics);
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(minTime, "minTime");
    Objects.requireNonNull(refine, "refine");
    Objects.requireNonNull(refineBudget, "refineBudget");
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
    if (runs < 1) {
      throw ProfilerException.user("runs must be at least 1, got " + runs);
    }
    if (warmup < 1) {
      throw ProfilerException.user("warm-up runs must be at least 1 (the first run optimises the graph and is never "
          + "timed), got " + warmup);
    }
    if (forks < 1) {
      throw ProfilerException.user("forks must be at least 1, got " + forks);
    }
    if (minTime.isNegative()) {
      throw ProfilerException.user("the least timed work per point must not be negative, got " + minTime);
    }
    if (!(noise >= 0 && noise < 1)) {
      throw ProfilerException.user("the noise threshold must be at least 0 and below 1 (0.02 = 2%), got " + noise);
    }
    if (refineBudget.isNegative()) {
      throw ProfilerException.user("the refinement budget must not be negative, got " + refineBudget);
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

  /**
   * The results database of a sweep that writes to {@code outputDirectory}: {@value #DATABASE_FILE_NAME} in the
   * folder that holds it (so {@code results/attnprof.db} keeps every run of {@code results/RUN_ID}).
   */
  public static Path databaseBeside(Path outputDirectory) {
    Path absolute = outputDirectory.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return (parent == null ? absolute : parent).resolve(DATABASE_FILE_NAME);
  }

  /** The database this request's run is stored in: the one it names, else the one beside its folder, else null. */
  public Path databaseFile() {
    return database != null ? database : outputDirectory == null ? null : databaseBeside(outputDirectory);
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
    private int runs = DEFAULT_RUNS;
    private Duration minTime = DEFAULT_MIN_TIME;
    private int warmup = DEFAULT_WARMUP;
    private int forks = DEFAULT_FORKS;
    private double noise = DEFAULT_NOISE;
    private Refine refine = Refine.AUTO;
    private Duration refineBudget = DEFAULT_REFINE_BUDGET;
    private Duration timeout = Duration.ofMinutes(5);
    private boolean inProcess;
    private final List<Path> inputs = new ArrayList<>();
    private long seed = 42;
    private Path outputDirectory;
    private Path database;
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

    /** The least timed work per point and fork: steps shorter than it are run more often. */
    public Builder minTime(Duration value) {
      minTime = value;
      return this;
    }

    /** Measuring processes per point, the unit of replication. */
    public Builder forks(int value) {
      forks = value;
      return this;
    }

    /** The relative difference under which a variant and its baseline are indistinguishable (0.02 = 2%). */
    public Builder noise(double value) {
      noise = value;
      return this;
    }

    public Builder refine(Refine value) {
      refine = value;
      return this;
    }

    public Builder refineBudget(Duration value) {
      refineBudget = value;
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

    /** Stores the run in this database file instead of {@code attnprof.db} beside the output folder. */
    public Builder database(Path value) {
      database = value;
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
          runs, minTime, warmup, forks, noise, refine, refineBudget, timeout, inProcess, inputs, seed, outputDirectory,
          traceDirectory, database);
    }
  }

  /** The entries of a list in their first order, each once. */
  private static <T> List<T> distinct(List<T> values) {
    return List.copyOf(new java.util.LinkedHashSet<>(values));
  }
}
