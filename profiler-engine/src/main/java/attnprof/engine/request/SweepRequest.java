package attnprof.engine.request;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to sweep, how to measure and compare it, and where to write: a sweep's whole request, as a run stores it
 * (it is resumed from it) and a plan file carries it. Immutable; made with {@link #builder()}, whose defaults are
 * the launcher's ({@link SweepDefaults}).
 *
 * @param grid what is measured: variants x lengths x batch sizes x modes x metrics
 * @param measuring how each point is measured
 * @param comparing how variants are compared with their baselines and tipping points narrowed down
 * @param outputs where results go
 */
public record SweepRequest(SweepGrid grid, MeasuringSettings measuring, ComparingSettings comparing,
    SweepOutputs outputs) {

  /** The results database's file name, beside a run's folder by default. */
  public static final String DATABASE_FILE_NAME = "attnprof.db";

  public SweepRequest {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(measuring, "measuring");
    Objects.requireNonNull(comparing, "comparing");
    outputs = outputs == null ? new SweepOutputs(null, null, null) : outputs;
  }

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
      return name().toLowerCase(Locale.ROOT);
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

  // what each part holds, by the names every output uses
  public List<String> variants() { return grid.variants(); }
  public String modality() { return grid.modality(); }
  public String preset() { return grid.preset(); }
  public Map<String, String> params() { return grid.params(); }
  public List<Double> lengths() { return grid.lengths(); }
  public List<Integer> batches() { return grid.batches(); }
  public List<Mode> modes() { return grid.modes(); }
  public List<String> metrics() { return grid.metrics(); }
  public List<Path> inputs() { return grid.inputs(); }
  public String device() { return measuring.device(); }
  public int threads() { return measuring.threads(); }
  public int runs() { return measuring.runs(); }
  public Duration minTime() { return measuring.minTime(); }
  public int warmup() { return measuring.warmup(); }
  public int forks() { return measuring.forks(); }
  public Duration timeout() { return measuring.timeout(); }
  public boolean inProcess() { return measuring.inProcess(); }
  public long seed() { return measuring.seed(); }
  public double noise() { return comparing.noise(); }
  public Refine refine() { return comparing.refine(); }
  public Duration refineBudget() { return comparing.refineBudget(); }
  public Path outputDirectory() { return outputs.outputDirectory(); }
  public Path traceDirectory() { return outputs.traceDirectory(); }
  public Path database() { return outputs.database(); }

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
    Path output = outputDirectory();
    return database() != null ? database() : output == null ? null : databaseBeside(output);
  }

  /** This request writing into another folder (its database still the one it names, if any). */
  public SweepRequest withOutputDirectory(Path folder) {
    return new SweepRequest(grid, measuring, comparing, new SweepOutputs(folder, traceDirectory(), database()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this request. */
  public Builder toBuilder() {
    Builder builder = builder().variants(variants()).modality(modality()).preset(preset()).lengths(lengths())
        .batches(batches()).modes(modes()).metrics(metrics()).inputs(inputs()).measuring(measuring)
        .comparing(comparing).outputDirectory(outputDirectory()).traceDirectory(traceDirectory()).database(database());
    params().forEach(builder::param);
    return builder;
  }

  /** Builds a request; every setting starts at its {@link SweepDefaults default}. */
  public static final class Builder {
    private final List<String> variants = new ArrayList<>();
    private String modality = SweepDefaults.MODALITY;
    private String preset = SweepDefaults.PRESET;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final List<Double> lengths = new ArrayList<>();
    private List<Integer> batches = Arrays.stream(SweepDefaults.BATCHES.split(",")).map(Integer::valueOf).toList();
    private List<Mode> modes = Arrays.stream(SweepDefaults.MODES.split(",")).map(Mode::of).toList();
    private List<String> metrics = List.of(SweepDefaults.METRICS.split(","));
    private final List<Path> inputs = new ArrayList<>();
    private String device = SweepDefaults.DEVICE;
    private int threads = SweepDefaults.THREADS;
    private int runs = SweepDefaults.RUNS;
    private Duration minTime = Duration.ofMillis(SweepDefaults.MIN_TIME_MILLIS);
    private int warmup = SweepDefaults.WARMUP;
    private int forks = SweepDefaults.FORKS;
    private Duration timeout = Duration.ofSeconds(SweepDefaults.TIMEOUT_SECONDS);
    private boolean inProcess;
    private long seed = SweepDefaults.SEED;
    private double noise = SweepDefaults.NOISE_PERCENT / 100.0;
    private Refine refine = Refine.of(SweepDefaults.REFINE);
    private Duration refineBudget = Duration.ofSeconds(SweepDefaults.REFINE_BUDGET_SECONDS);
    private Path outputDirectory;
    private Path traceDirectory;
    private Path database;

    private Builder() {
    }

    public Builder variants(String... ids) {
      return variants(List.of(ids));
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
      Arrays.stream(values).forEach(lengths::add);
      return this;
    }

    public Builder lengths(List<Double> values) {
      lengths.addAll(values);
      return this;
    }

    public Builder batches(Integer... values) {
      return batches(List.of(values));
    }

    public Builder batches(List<Integer> values) {
      batches = List.copyOf(values);
      return this;
    }

    public Builder modes(Mode... values) {
      return modes(List.of(values));
    }

    public Builder modes(List<Mode> values) {
      modes = List.copyOf(values);
      return this;
    }

    public Builder metrics(String... ids) {
      return metrics(List.of(ids));
    }

    public Builder metrics(List<String> ids) {
      metrics = List.copyOf(ids);
      return this;
    }

    /** Real input files to profile instead of synthetic inputs. */
    public Builder inputs(List<Path> files) {
      inputs.addAll(files);
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

    /** The least timed work per point and fork: steps shorter than it are run more often. */
    public Builder minTime(Duration value) {
      minTime = value;
      return this;
    }

    public Builder warmup(int value) {
      warmup = value;
      return this;
    }

    /** Measuring processes per point, the unit of replication. */
    public Builder forks(int value) {
      forks = value;
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

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Every measuring setting at once. */
    public Builder measuring(MeasuringSettings value) {
      return device(value.device()).threads(value.threads()).runs(value.runs()).minTime(value.minTime())
          .warmup(value.warmup()).forks(value.forks()).timeout(value.timeout()).inProcess(value.inProcess())
          .seed(value.seed());
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

    /** Every comparing setting at once. */
    public Builder comparing(ComparingSettings value) {
      return noise(value.noise()).refine(value.refine()).refineBudget(value.refineBudget());
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

    /** Stores the run in this database file instead of {@value SweepRequest#DATABASE_FILE_NAME} beside the output folder. */
    public Builder database(Path value) {
      database = value;
      return this;
    }

    /** @throws ProfilerException a user error for a value out of range */
    public SweepRequest build() {
      return new SweepRequest(new SweepGrid(variants, modality, preset, params, lengths, batches, modes, metrics,
          inputs), new MeasuringSettings(device, threads, runs, minTime, warmup, forks, timeout, inProcess, seed),
          new ComparingSettings(noise, refine, refineBudget), new SweepOutputs(outputDirectory, traceDirectory,
          database));
    }
  }
}
