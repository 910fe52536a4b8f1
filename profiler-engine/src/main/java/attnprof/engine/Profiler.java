package attnprof.engine;

import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.plugins.VariantDescription;
import attnprof.engine.request.RecipeOptions;
import attnprof.engine.request.Shard;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.MergeResult;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ProgressListener;
import attnprof.engine.result.Figure;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.StoredRunSummary;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.result.Advice;
import attnprof.engine.result.DatasetAdvice;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.internal.advice.Distributions;
import attnprof.api.ProfilerException;
import attnprof.engine.internal.environment.EnvironmentProbe;
import attnprof.engine.internal.measure.ModelInspector;
import attnprof.engine.internal.output.ResultFiles;
import attnprof.engine.internal.report.ReportWriter;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredRepeats;
import attnprof.engine.internal.store.StoredResults;
import attnprof.engine.internal.sweep.SweepRunner;
import attnprof.engine.internal.sweep.ShardRunner;
import attnprof.engine.internal.sweep.WavePlanner;
import attnprof.engine.internal.plan.PlanFile;
import attnprof.engine.internal.plan.PlanMaker;
import attnprof.engine.internal.plan.SchedulerRecipes;
import attnprof.engine.internal.plan.ShardMerger;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.internal.tipping.TippingPointFinder;
import attnprof.engine.internal.wiring.EngineModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine, for programs: loads the plugins once, then describes variants, runs sweeps and finds
 * tipping points, returning values. Thread-safe for reading the registry; run one sweep at a time.
 *
 * <pre>{@code
 * Profiler profiler = Profiler.builder().build();
 * SweepResult result = profiler.sweep(SweepRequest.builder()
 *     .variants("text/bert", "text/longformer").preset("tiny").lengths(64, 128).runs(3).build());
 * result.tippingPoints().forEach(t -> System.out.println(t.variant() + " " + t.metric() + ": " + t.answer()));
 * }</pre>
 */
public final class Profiler {
  private final Injector injector;
  private final boolean hasProvidersMadeInCode;

  private Profiler(Injector injector, boolean hasProvidersMadeInCode) {
    this.injector = injector;
    this.hasProvidersMadeInCode = hasProvidersMadeInCode;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every plugin that loaded, and the diagnostics of those that did not. */
  public PluginRegistry registry() {
    return injector.getInstance(PluginRegistry.class);
  }

  /**
   * Runs a sweep, measuring each point in a child JVM unless the request says in-process.
   *
   * @throws ProfilerException a user error for anything wrong with the request, before anything runs
   */
  public SweepResult sweep(SweepRequest request) {
    return sweep(request, ProgressListener.NONE);
  }

  /** Runs a sweep, telling {@code progress} how it goes. */
  public SweepResult sweep(SweepRequest request, ProgressListener progress) {
    SweepRunner runner = injector.getInstance(SweepRunner.class);
    return sweep(request, runner.newRunId(), progress);
  }

  /**
   * Runs a sweep under a run id the caller chose (the launcher names each run's folder after its id);
   * the database gives it {@code runId-2}, {@code -3}... when it holds that id already.
   */
  public SweepResult sweep(SweepRequest request, String runId, ProgressListener progress) {
    refuseForksOfProvidersMadeInCode(request);
    return injector.getInstance(SweepRunner.class).run(request, runId, progress);
  }

  /**
   * Checks a sweep request as {@link #sweep} does before its first point, without measuring, creating or
   * writing anything: plans every point (each variant checks its configuration, each length its modality's
   * range, each input file its kind and size) and, when the request's database exists, makes sure it is an
   * attnprof database.
   *
   * @throws ProfilerException a user error naming what to change
   */
  public void check(SweepRequest request) {
    refuseForksOfProvidersMadeInCode(request);
    injector.getInstance(SweepRunner.class).check(request);
  }

  /**
   * Resolves a sweep into a plan file (JSON): every point with a stable id (a hash of its resolved
   * configuration, device and attnprof version), the cell it is measured side by side in, and a predicted
   * cost. A plan measures each point with the request's forks and no refinement, so set
   * {@link SweepRequest.Refine#NONE}.
   *
   * @param history a results database whose earlier runs on the same device teach the cost model, or null
   * @return the plan's id
   * @throws ProfilerException a user error for anything a sweep of the request would refuse
   */
  public String plan(SweepRequest request, Path history, Path planFile) {
    refuseForksOfProvidersMadeInCode(request);
    return injector.getInstance(PlanMaker.class).make(request, history,
        injector.getInstance(java.time.Clock.class).instant()).writeTo(planFile);
  }

  /**
   * Plans the next refinement wave of a merged run of a plan (in {@code database}): the lengths its tipping
   * points need next, as {@code --refine auto} would measure them, as a plan file that refines the run's plan.
   * Its shards' merge takes the run's merged folder too, and holds every wave.
   *
   * @return the wave's plan id
   * @throws ProfilerException a user error when the run is not a merged run of a plan or needs no more
   */
  public String planRefinement(Path database, String runId, Path planFile) {
    return injector.getInstance(WavePlanner.class).nextWave(database, runId).writeTo(planFile);
  }

  /**
   * Measures one shard of a plan file into {@code folder}, stored in {@code database} (on local disk: SQLite's
   * locking is not to be trusted on network file systems). Run again, it measures only the points the shard
   * has not stored yet.
   *
   * @throws ProfilerException a user error, before any point, for a plan of another attnprof version, or made
   *     with other plugin versions or input files than this installation has
   */
  public SweepResult sweepShard(Path planFile, Shard shard, Path folder, Path database, ProgressListener progress) {
    return injector.getInstance(ShardRunner.class).run(PlanFile.read(planFile), shard, folder, database, progress);
  }

  /**
   * Merges the shard runs of one plan (results folders, or their databases) into one run in {@code out}, with
   * its result files, tipping points, charts and report. Merging again replaces the merged run.
   *
   * @throws ProfilerException a user error for shards of different plans, attnprof versions, splits or,
   *     unless {@code allowMixedDevices}, device models
   */
  public MergeResult merge(List<Path> shards, Path out, boolean allowMixedDevices) {
    return injector.getInstance(ShardMerger.class).merge(shards, out, allowMixedDevices);
  }

  /**
   * A scheduler's recipe for a plan file's shards: {@code slurm} (a job array script with its merge as a
   * dependent job) or {@code k8s} (a Kubernetes Indexed Job manifest).
   */
  public String schedulerRecipe(Path planFile, String scheduler, RecipeOptions options) {
    return SchedulerRecipes.of(scheduler, PlanFile.read(planFile), options);
  }

  /** Predicted seconds of each of {@code count} shards of a plan file, from shard 1. */
  public double[] predictedShardSeconds(Path planFile, int count) {
    return PlanFile.read(planFile).predictedSecondsOfShards(count);
  }

  private void refuseForksOfProvidersMadeInCode(SweepRequest request) {
    if (hasProvidersMadeInCode && !request.inProcess()) {
      throw ProfilerException.user("providers added with addProvider exist only in this JVM; "
          + "sweep them in-process (SweepRequest.Builder.inProcess(true))");
    }
  }

  /**
   * Resumes a run stored in a results database: measures only the points it does not hold yet, with
   * the run's own settings, and adds them to the run.
   *
   * @param database the {@code attnprof.db} file (by default {@code results/attnprof.db})
   * @throws ProfilerException a user error when there is no such database or run
   */
  public SweepResult resume(Path database, String runId, ProgressListener progress) {
    return injector.getInstance(SweepRunner.class).resume(database, runId, progress);
  }

  /** The runs stored in a results database, oldest first. */
  public List<StoredRunSummary> storedRuns(Path database) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      return store.summaries();
    }
  }

  /**
   * The keys of a stored run's points ({@code variant|input|length|mode|batch}), in the order planned: what
   * a resume would not measure again. Reads the database only, without analysing anything.
   */
  public List<String> storedPointKeys(Path database, String runId) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      return store.points(runId).keySet().stream().map(Object::toString).toList();
    }
  }

  /**
   * A stored run's results as a sweep would have returned them, with its tipping points.
   *
   * @throws ProfilerException a user error when there is no such database or run
   */
  public SweepResult storedResult(Path database, String runId) {
    return injector.getInstance(StoredResults.class).read(database, runId);
  }

  /** A run's result by its id in a results database, else from a results folder or results.json; else a user error. */
  public SweepResult findResult(Path database, String run) {
    boolean stored = java.nio.file.Files.isRegularFile(database)
        && storedRuns(database).stream().anyMatch(r -> r.runId().equals(run));
    return stored ? storedResult(database, run) : ResultFiles.readResult(Path.of(run));
  }

  /** Writes a result's charts ({@code charts/}) and HTML report into a folder; returns the report's index.html. */
  public Path writeReport(SweepResult result, Path folder) {
    return writeReport(result, folder, null, null);
  }

  /**
   * As {@link #writeReport(SweepResult, Path)}, with a dataset's answer first and its lengths under the curves
   * ({@code dataset} nullable), and the tipping points of {@code otherBaseline} (nullable), a run of the same
   * variants against another form of their baseline (dense or chunked attention), beside the run's own.
   */
  public Path writeReport(SweepResult result, Path folder, DatasetAdvice dataset, SweepResult otherBaseline) {
    try {
      return new ReportWriter(dataset, otherBaseline).writeReport(result, folder);
    } catch (java.io.IOException e) {
      throw ProfilerException.user("cannot write the report to " + folder + ": " + e.getMessage());
    }
  }

  /** This attnprof's version: its module's, or {@code development} when run from classes. */
  public static String version() {
    return EnvironmentProbe.attnprofVersion();
  }

  /** The id a sweep started now would get: the name of its results folder by default. */
  public String newRunId() {
    return injector.getInstance(SweepRunner.class).newRunId();
  }

  /** Builds a variant's model here (nothing runs) and counts its parameters; unknown names are user errors. */
  public VariantDescription describe(String variantId, String preset, Map<String, String> params) {
    return new ModelInspector(registry()).describe(variantId, preset, params);
  }

  /**
   * As {@link #describe}, the model built in a JVM of its own, as a sweep's points are: a plugin that throws, exits
   * or hangs (past {@code limit}) there is a one-line user error. Needs the engine on the module path.
   */
  public VariantDescription describeInOwnProcess(String variantId, String preset, Map<String, String> params,
      java.time.Duration limit) {
    return new attnprof.engine.internal.fork.DescribeInChild(registry(), injector.getInstance(
        attnprof.engine.internal.registry.PluginsFolder.class).path(), limit).describe(variantId, preset, params);
  }

  /**
   * The tipping points of result rows and the points they came from, as a sweep finds them: the intervals
   * resample each point's forks, as {@code results.csv} alone cannot.
   */
  public List<TippingPoint> tippingPoints(List<ResultRow> rows, List<PointResult> points) {
    return injector.getInstance(TippingPointFinder.class).analyse(figures(rows), points, Comparisons.Settings.DEFAULT)
        .tippingPoints();
  }

  /**
   * What each efficient variant of a run and its baseline cost on a dataset (its figures in the dataset's length
   * unit), with the best routing between them; see {@link Advice}. How far this machine's times drift between runs
   * comes from the points {@code database} (nullable) holds from two or more runs, and a prior.
   */
  public DatasetAdvice advise(SweepResult result, LengthDistribution lengths, Path database) {
    return injector.getInstance(TippingPointFinder.class).advise(result, lengths, StoredRepeats.of(database, result));
  }

  /** A modality's input files' lengths as a sweep reads them: files, folders (walked) or glob patterns. */
  public LengthDistribution inputLengths(String modality, List<String> paths) {
    return Distributions.ofInputs(registry().inputFor(registry().modality(modality)), paths);
  }

  /** The tipping points in result rows, such as those read back with {@link #readResults}. */
  public List<TippingPoint> tippingPoints(List<ResultRow> rows) {
    return injector.getInstance(TippingPointFinder.class).find(figures(rows));
  }

  private static List<Figure> figures(List<ResultRow> rows) {
    return rows.stream().map(ResultRow::toFigure).toList();
  }

  /**
   * Reads result rows from {@code results.json}, {@code results.csv} or a results folder.
   *
   * @throws ProfilerException a user error when it is not a results file
   */
  public List<ResultRow> readResults(Path path) {
    return ResultFiles.readRows(path);
  }

  /** Configures a profiler. */
  public static final class Builder {
    private Path pluginsFolder;
    private final List<Object> providers = new ArrayList<>();
    private final List<Module> overrides = new ArrayList<>();

    private Builder() {
    }

    /** Also loads the plugin jars in this folder, one module layer each. */
    public Builder pluginsFolder(Path folder) {
      pluginsFolder = folder;
      return this;
    }

    /**
     * Adds a provider made in code (a variant, input generator, metric or device adapter), as if a
     * plugin had declared it. It is used in-process only: child JVMs cannot see it, so sweeps that
     * use it must run {@linkplain SweepRequest.Builder#inProcess in-process}.
     */
    public Builder addProvider(Object provider) {
      providers.add(provider);
      return this;
    }

    /** Replaces engine bindings (clock, registry, result writers) with the given Guice modules' ones. */
    public Builder overrideWith(Module... modules) {
      overrides.addAll(List.of(modules));
      return this;
    }

    public Profiler build() {
      Module engine = new EngineModule(pluginsFolder, providers);
      return new Profiler(Guice.createInjector(overrides.isEmpty() ? engine : Modules.override(engine).with(overrides)),
          !providers.isEmpty());
    }
  }
}
