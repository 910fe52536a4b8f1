package attnprof.engine.internal.sweep;

import attnprof.engine.result.Lengths;
import attnprof.engine.internal.fork.ForkExecutor;
import attnprof.engine.internal.fork.ForkExecutors;
import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.measure.MeasurementBudget;
import attnprof.engine.internal.plan.PlanMaker;
import attnprof.engine.internal.plan.RemainingTime;
import attnprof.engine.internal.plan.SweepPlan;
import attnprof.engine.internal.plan.SweepPlanner;
import attnprof.engine.internal.point.ForkLayout;
import attnprof.engine.internal.point.PointJob;
import attnprof.engine.internal.registry.PluginsFolder;
import attnprof.api.ProfilerException;
import attnprof.api.metric.Quantity;
import attnprof.engine.result.ForkResult;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.ProgressListener;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.ResultWriter;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.SweepResult;
import attnprof.engine.internal.environment.EnvironmentProbe;
import attnprof.engine.internal.plan.PlanFile;
import attnprof.engine.internal.output.ResultRows;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.store.StoredRequest;
import attnprof.engine.internal.store.StoredRun;
import attnprof.engine.internal.tipping.TippingPointFinder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a sweep: plans it, measures its points fork by fork (the points of a cell side by side in each
 * process), and stores each point in the results database and rewrites the result files as soon as
 * all its forks are in, so that a stopped sweep keeps what it measured and can be resumed with exactly
 * the points it is missing. After the grid, it measures more lengths where a tipping point is not yet
 * pinned down, within a time budget ({@link Refinement}).
 */
public final class SweepRunner {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss");
  private static final int MAX_RUNS = 1000;

  private final PluginRegistry registry;
  private final PluginsFolder pluginsFolder;
  private final Set<ResultWriter> writers;
  private final EnvironmentProbe environmentProbe;
  private final TippingPointFinder tippingPointFinder;
  private final ForkExecutors executors;
  private final Clock clock;

  @Inject
  public SweepRunner(PluginRegistry registry, PluginsFolder pluginsFolder, Set<ResultWriter> writers,
      EnvironmentProbe environmentProbe, TippingPointFinder tippingPointFinder, ForkExecutors executors, Clock clock) {
    this.registry = registry;
    this.pluginsFolder = pluginsFolder;
    this.writers = writers;
    this.environmentProbe = environmentProbe;
    this.tippingPointFinder = tippingPointFinder;
    this.executors = executors;
    this.clock = clock;
  }

  /** The run id a sweep started now gets. */
  public String newRunId() {
    return RUN_ID.format(clock.instant().atZone(ZoneId.systemDefault()));
  }

  /** Plans a request and checks its existing database, as {@link #run} does first, writing nothing. */
  public void check(SweepRequest request) {
    new SweepPlanner(registry, pluginsFolder.path()).plan(request);
    Path database = request.databaseFile();
    if (database != null && java.nio.file.Files.isRegularFile(database)) {
      ResultStore.openExisting(database).close();
    }
  }

  public SweepResult run(SweepRequest request, String runId, ProgressListener progress) {
    SweepPlan plan = new SweepPlanner(registry, pluginsFolder.path()).plan(request);
    Instant started = clock.instant();
    RunEnvironment environment = environmentProbe.probe(registry.device(request.device()), request.device());
    Path database = request.databaseFile();
    try (ResultStore store = database == null ? null : ResultStore.open(database)) {
      String id = runId;
      if (store != null) {
        id = store.startRun(runId, started, StoredRequest.of(request), environment, plan.jobs().size());
      }
      return new Session(request, plan, id, started, environment, Map.of(), store, progress).run();
    }
  }

  /**
   * Resumes a stored run: plans it again from its stored request and measures only the points the
   * database does not hold, adding them to the same run; then goes on refining where it left off.
   *
   * @throws ProfilerException a user error when there is no such database or run
   */
  public SweepResult resume(Path database, String runId, ProgressListener progress) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      StoredRun run = store.run(runId);
      SweepRequest request = run.request().toRequest();
      SweepPlan plan = new SweepPlanner(registry, pluginsFolder.path()).plan(request);
      if (run.request().plan() != null && run.request().shard() != null) {
        // a shard's run measures its shard's points only
        PlanFile planFile = PlanFile.fromJson(store.plan(run.request().plan()).orElseThrow(() -> ProfilerException.user(
            runId + " is a shard of " + run.request().plan() + ", which " + database + " does not keep")),
            run.request().plan());
        plan = shardOf(planFile, attnprof.engine.request.Shard.parse(run.request().shard()), plan);
      }
      return new Session(request, plan, runId, run.startedAt(), run.environment(), store.points(runId), store,
          progress).run();
    }
  }

  /** Resolves a sweep into a plan file, learning costs from {@code history} (a database, or null). */
  public PlanFile plan(SweepRequest request, Path history) {
    PlanMaker maker = new PlanMaker(registry, pluginsFolder.path());
    if (history == null || !java.nio.file.Files.isRegularFile(history)) {
      return maker.make(request, null, clock.instant());
    }
    try (ResultStore store = ResultStore.openExisting(history)) {
      return maker.make(request, store, clock.instant());
    }
  }

  /**
   * Runs one shard of a plan into {@code folder}, its run stored in {@code database} as
   * {@code PLAN-shard-I-of-N}. A shard run again (a scheduler's retry) goes on where it stopped: the points
   * it stored are not measured again.
   *
   * @throws ProfilerException a user error when the plan was made by another attnprof version or its points
   *     are not those this installation plans from its settings
   */
  public SweepResult runShard(PlanFile planFile, attnprof.engine.request.Shard shard, Path folder, Path database,
      ProgressListener progress) {
    String version = EnvironmentProbe.attnprofVersion();
    if (!planFile.attnprofVersion().equals(version)) {
      throw ProfilerException.user("the plan " + planFile.planId() + " was made by attnprof "
          + planFile.attnprofVersion() + "; this is " + version + ": make the plan again with this version");
    }
    SweepRequest request = planFile.request().withOutputDirectory(folder).toRequest();
    SweepRequest stored = planFile.request().withOutputDirectory(folder).toBuilder().database(database).build();
    SweepPlan plan = shardOf(planFile, shard, new SweepPlanner(registry, pluginsFolder.path()).plan(stored));
    String runId = planFile.planId() + "-shard-" + shard.index() + "-of-" + shard.count();
    try (ResultStore store = ResultStore.open(database)) {
      store.savePlan(planFile.planId(), planFile.toJson());
      planFile.writeTo(folder.resolve(PlanFile.FILE_NAME));
      java.util.Optional<StoredRun> before = store.runs().stream().filter(r -> r.runId().equals(runId)).findFirst();
      if (before.isPresent()) {
        return new Session(stored, plan, runId, before.get().startedAt(), before.get().environment(),
            store.points(runId), store, progress).run();
      }
      Instant started = clock.instant();
      RunEnvironment environment = environmentProbe.probe(registry.device(request.device()), request.device());
      store.startRun(runId, started, StoredRequest.of(stored).withShard(planFile.planId(), shard.toString()),
          environment, plan.jobs().size());
      return new Session(stored, plan, runId, started, environment, Map.of(), store, progress).run();
    }
  }

  /** The points of one shard of a plan, after checking the plan's points are the ones planned here. */
  private SweepPlan shardOf(PlanFile planFile, attnprof.engine.request.Shard shard, SweepPlan planned) {
    String settings = planFile.request().measuringSettings();
    Map<String, PointJob> byId = new LinkedHashMap<>();
    for (PointJob job : planned.jobs()) {
      byId.put(attnprof.engine.internal.point.PointIds.of(job, settings, planFile.attnprofVersion()), job);
    }
    long differ = planFile.points().stream().filter(p -> !byId.containsKey(p.id())).count();
    // a refinement wave's points are some of what its settings plan; a whole plan's are all of them
    if (differ > 0 || planFile.refines() == null && byId.size() != planFile.points().size()) {
      throw ProfilerException.user(Math.max(differ, Math.abs(byId.size() - planFile.points().size())) + " of the "
          + planFile.points().size() + " points of " + planFile.planId() + " are not what this installation plans "
          + "from the plan's settings (other plugins, or an input file that changed?)");
    }
    java.util.Set<String> mine = planFile.pointsOf(shard);
    List<PointJob> jobs = new ArrayList<>();
    for (attnprof.engine.internal.point.PlannedPoint point : planFile.points()) {
      if (mine.contains(point.id())) {
        PointJob job = byId.get(point.id()).withIndex(point.index());
        jobs.add(planFile.refines() == null ? job : job.asRefinement());
      }
    }
    return new SweepPlan(jobs, planned.quantities());
  }

  /**
   * A refinement point stored by a run, planned again: a planned point of the same variant, mode, batch and
   * input, at the stored length, at position {@code index}.
   */
  static java.util.Optional<PointJob> atStoredLength(List<PointJob> jobs, PointResult stored, int index) {
    return jobs.stream().filter(job -> job.variantId().equals(stored.variantId()) && job.mode() == stored.mode()
        && job.batch() == stored.batch() && job.inputName().equals(stored.input())).findFirst()
        .map(template -> new PointJob(index, template.variantId(), template.baseline(), template.modality(),
            template.lengthUnit(), template.preset(), template.params(), template.config(), stored.length(),
            template.batch(), template.mode(), template.deviceId(), template.threads(), template.metrics(),
            template.seed(), template.inputFile(), template.pluginsFolder(), template.traceDirectory(), true));
  }

  /**
   * Plans the next refinement wave of a planned sweep's merged run: the lengths its tipping points need next,
   * as {@code refine auto} would measure them (time quantities first, then memory), in a plan of their own
   * that refines the run's plan.
   *
   * @throws ProfilerException a user error when the run is not a merged run of a plan, or needs no more
   */
  public PlanFile planRefinement(Path database, String runId) {
    try (ResultStore store = ResultStore.openExisting(database)) {
      StoredRun run = store.run(runId);
      if (run.request().plan() == null || run.request().shard() != null) {
        throw ProfilerException.user(runId + " is not a merged run of a plan: refine the merge of `sweep --plan` "
            + "shards (a sweep of one machine refines itself with --refine auto)");
      }
      SweepRequest request = run.request().toRequest();
      SweepPlan planned = new SweepPlanner(registry, pluginsFolder.path()).plan(request);
      List<PointJob> jobs = new ArrayList<>(planned.jobs());
      java.util.Set<String> keys = new java.util.HashSet<>();
      jobs.forEach(job -> keys.add(job.key()));
      for (Map.Entry<String, PointResult> entry : store.points(runId).entrySet()) {
        if (!keys.contains(entry.getKey())) {
          atStoredLength(planned.jobs(), entry.getValue(), jobs.size()).ifPresent(jobs::add);
        }
      }
      Map<String, Quantity> quantities = new LinkedHashMap<>();
      planned.quantities().values().forEach(list -> list.forEach(q -> quantities.put(q.id(), q)));
      SweepResult result = new attnprof.engine.internal.store.StoredResults(tippingPointFinder).read(database, runId);
      Refinement.Wave wave = Refinement.next(new Comparisons.Analysis(result.tippingPoints(), result.comparisons()),
          jobs, quantities,
          modality -> registry.inputFor(attnprof.api.Modality.of(modality)).descriptor().wholeLengths(),
          padding());
      List<PointJob> next = wave.time().isEmpty() ? wave.memory() : wave.time();
      if (next.isEmpty()) {
        throw ProfilerException.user(runId + " needs no more refinement: each time tipping point's interval is "
            + "within " + Math.round(Refinement.TOLERANCE * 100) + "% (or its lengths are as close as they can be), "
            + "and each memory tipping point is exact");
      }
      SweepRequest waveRequest = run.request().toBuilder()
          .variants(next.stream().map(PointJob::variantId).distinct().toList())
          .lengths(next.stream().map(PointJob::length).distinct().sorted().toList())
          .modes(next.stream().map(PointJob::mode).distinct().toList())
          .batches(next.stream().map(PointJob::batch).distinct().toList()).build();
      List<PointJob> indexed = new ArrayList<>();
      for (PointJob job : next) {
        indexed.add(job.withIndex(jobs.size() + indexed.size()));
      }
      return new PlanMaker(registry, pluginsFolder.path()).of(waveRequest, indexed, store, clock.instant(),
          run.request().plan());
    }
  }

  /** One sweep under way. */
  /** The length each point's model computes on at a length, in the point's mode. */
  private Refinement.Padding padding() {
    return (job, length) -> registry.variant(job.variantId()).paddedLength(
        new attnprof.api.model.ModelConfig(job.preset(), job.config(), java.util.Set.of()), length, job.mode());
  }

  private final class Session {
    private final SweepRequest request;
    private final SweepPlan plan;
    private final String runId;
    private final Instant started;
    private final RunEnvironment environment;
    private final ResultStore store;
    private final ProgressListener progress;
    private final Path output;
    private final ForkExecutor executor;
    private final MeasurementBudget budget;
    private final List<PointJob> jobs = new ArrayList<>();
    private final Map<String, PointResult> results = new HashMap<>();
    private final Map<String, Quantity> quantities = new LinkedHashMap<>();
    private final RemainingTime remainingTime = new RemainingTime();
    /** Refinement's time so far: the finished waves', and since when the current one runs. */
    private long refineSpentMillis;
    private long waveStartedMillis;
    private boolean waveRunning;
    private int stepsDone;
    private int stepsPlanned;
    private int wave;
    private SweepResult latest;
    private Map<PointJob, Integer> current = Map.of();

    Session(SweepRequest request, SweepPlan plan, String runId, Instant started, RunEnvironment environment,
        Map<String, PointResult> stored, ResultStore store, ProgressListener progress) {
      this.request = request;
      this.plan = plan;
      this.runId = runId;
      this.started = started;
      this.environment = environment;
      this.store = store;
      this.progress = progress;
      this.output = request.outputDirectory();
      this.executor = executors.create(request, output == null ? null : output.resolve("logs"));
      this.budget = new MeasurementBudget(request.runs(), request.minTime().toMillis(), request.warmup(),
          Math.max(request.runs(), MAX_RUNS));
      plan.quantities().values().forEach(list -> list.forEach(q -> quantities.put(q.id(), q)));
      jobs.addAll(plan.jobs());
      results.putAll(stored);
      // refinement points stored by the run before it stopped: planned again, at their own lengths
      for (Map.Entry<String, PointResult> entry : stored.entrySet()) {
        if (entry.getValue().refinement() && jobs.stream().noneMatch(j -> j.key().equals(entry.getKey()))) {
          refinementJob(entry.getValue()).ifPresent(jobs::add);
        }
      }
    }

    SweepResult run() {
      List<PointJob> missing = jobs.stream().filter(job -> !results.containsKey(job.key())).toList();
      // with refinement, each grid length gets one fork, and the lengths that decide a tipping point get more
      int gridForks = request.refine() == SweepRequest.Refine.AUTO ? 1 : request.forks();
      Map<PointJob, Integer> targets = new LinkedHashMap<>();
      missing.forEach(job -> targets.put(job, gridForks));
      stepsPlanned = steps(targets);
      progress.sweepStarted(runId, missing.size(), stepsPlanned);
      latest = assemble(false);
      measure(targets);
      if (request.refine() == SweepRequest.Refine.AUTO) {
        refine();
      }
      latest = assemble(true);
      if (store != null) {
        store.finishRun(runId, latest.finishedAt(), latest.complete());
      }
      write(latest, false);
      progress.sweepFinished(latest);
      return latest;
    }

    /** How many shared forks a point has so far (0 when it has no result yet). */
    private int forksOf(PointJob job) {
      PointResult point = results.get(job.key());
      if (point == null) {
        return 0;
      }
      if (point.status() != PointStatus.OK) {
        return Integer.MAX_VALUE;
      }
      return Math.max(1, (int) point.forks().stream().filter(f -> f.replicate() >= 0).count());
    }

    /**
     * Measures points until each has its target number of forks, one process per series and fork, and
     * stores each point again as each fork comes in. A failed point gets no more forks.
     */
    private void measure(Map<PointJob, Integer> targets) {
      if (targets.isEmpty()) {
        return;
      }
      current = targets;
      int most = targets.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      for (ForkLayout.Series one : ForkLayout.of(List.copyOf(targets.keySet()))) {
        for (int replicate = 0; replicate < most; replicate++) {
          int r = replicate;
          List<List<PointJob>> cells = new ArrayList<>();
          for (List<PointJob> cell : one.cellsFor(replicate)) {
            List<PointJob> left = cell.stream().filter(job -> forksOf(job) <= r && r < targets.get(job)).toList();
            if (!left.isEmpty()) {
              cells.add(left);
            }
          }
          if (cells.isEmpty()) {
            continue;
          }
          String process = (wave == 0 ? "" : "w" + wave + "-") + one.name() + "-f" + (replicate + 1);
          ForkJob fork = new ForkJob(replicate, process, cells, budget, forksOf(cells.get(0).get(0)) == 0, false,
              request.timeout().toMillis());
          execute(fork, label -> label + " (fork " + (r + 1) + ")",
              outcome -> add(outcome.job(),
                  new ForkMerge.Measured(r, outcome.process(), outcome.result(), clock.millis())));
        }
        // the metrics that need a process of their own: once per point, alone
        for (List<PointJob> cell : one.cells()) {
          for (PointJob job : cell) {
            PointResult point = results.get(job.key());
            if (point != null && point.status() == PointStatus.OK && needsOwnProcess(job)
                && point.forks().stream().noneMatch(f -> f.replicate() == ForkResult.OWN_PROCESS)) {
              ForkJob own = new ForkJob(0, (wave == 0 ? "" : "w" + wave + "-") + one.name() + "-own-" + job.index(),
                  List.of(List.of(job)), budget, true, true, request.timeout().toMillis());
              execute(own, label -> label + " (own process)", outcome -> add(outcome.job(),
                  new ForkMerge.Measured(ForkResult.OWN_PROCESS, outcome.process(), outcome.result(), clock.millis())));
            }
          }
        }
      }
    }

    /** Runs one fork, telling progress about each cell as it starts and ends. */
    private void execute(ForkJob fork, java.util.function.UnaryOperator<String> label,
        java.util.function.Consumer<ForkExecutor.Outcome> onPoint) {
      Map<Integer, List<PointJob>> cellOf = new HashMap<>();
      fork.cells().forEach(cell -> cell.forEach(job -> cellOf.put(job.index(), cell)));
      Map<List<PointJob>, List<PointResult>> cellResults = new HashMap<>();
      long[] cellStart = {System.nanoTime()};
      executor.execute(fork, new ForkExecutor.Listener() {
        @Override
        public void cellStarted(List<PointJob> cell) {
          cellStart[0] = System.nanoTime();
          progress.stepStarted(stepsDone, Math.max(stepsPlanned, stepsDone + 1), label.apply(cellLabel(cell)));
        }

        @Override
        public void pointFinished(ForkExecutor.Outcome outcome) {
          remainingTime.finished(outcome.job(), outcome.result().wallSeconds());
          onPoint.accept(outcome);
          List<PointJob> cell = cellOf.get(outcome.job().index());
          List<PointResult> done = cellResults.computeIfAbsent(cell, c -> new ArrayList<>());
          done.add(outcome.result());
          if (done.size() == cell.size()) {
            stepsDone++;
            stepsPlanned = Math.max(stepsPlanned, stepsDone);
            progress.stepFinished(stepsDone - 1, stepsPlanned, label.apply(cellLabel(cell)), List.copyOf(done),
                (System.nanoTime() - cellStart[0]) / 1e9, timeLeft());
          }
        }
      });
    }

    /**
     * After the grid: more forks for the lengths that decide a tipping point, and lengths between them
     * to narrow it down, wave after wave, while the budget lasts. Each wave is planned from the
     * analysis of everything measured so far; the memory lengths go first when a wave would not fit.
     */
    private void refine() {
      long budgetMillis = request.refineBudget().toMillis();
      while (true) {
        latest = assemble(true);
        Comparisons.Analysis analysis = analyse(latest);
        Refinement.Wave lengths = Refinement.next(analysis, jobs, quantities,
            modality -> registry.inputFor(attnprof.api.Modality.of(modality)).descriptor().wholeLengths(),
            padding());
        // time first: memory waits until no time quantity needs more, so that a tipping point that moves
        // after a wave still has budget left to follow it
        Map<PointJob, Integer> more = moreForks(Refinement.deciding(analysis, jobs, quantities, true));
        List<PointJob> added = new ArrayList<>(lengths.time());
        if (more.isEmpty() && added.isEmpty()) {
          more = moreForks(Refinement.deciding(analysis, jobs, quantities, false));
          added = new ArrayList<>(lengths.memory());
        }
        Map<PointJob, Integer> wave = new LinkedHashMap<>(more);
        added.forEach(job -> wave.put(job, request.forks()));
        if (!wave.isEmpty() && refineSpentMillis + predictedMillis(wave) > budgetMillis && !more.isEmpty()) {
          // the whole wave would overrun the budget: the second forks of the lengths already there may not
          wave.keySet().retainAll(more.keySet());
          added.clear();
        }
        if (wave.isEmpty() || refineSpentMillis + predictedMillis(wave) > budgetMillis) {
          return;
        }
        this.wave++;
        Map<PointJob, Integer> indexed = new LinkedHashMap<>();
        for (Map.Entry<PointJob, Integer> entry : wave.entrySet()) {
          PointJob job = entry.getKey();
          if (added.contains(job)) {
            job = job.withIndex(jobs.size());
            jobs.add(job);
          }
          indexed.put(job, entry.getValue());
        }
        int steps = steps(indexed);
        stepsPlanned += steps;
        progress.refining("wave " + this.wave + ": " + describe(more.keySet(), added), steps);
        waveStartedMillis = clock.millis();
        waveRunning = true;
        measure(indexed);
        waveRunning = false;
        refineSpentMillis += clock.millis() - waveStartedMillis;
      }
    }

    /**
     * The time the sweep should still take: what is left of the grid or the current wave, estimated from
     * the points measured so far, and the refinement budget not yet spent when refinement lies ahead (the
     * refinement of a sweep with tipping points to narrow down takes most of its budget, and stops before
     * overrunning it).
     */
    private java.time.Duration timeLeft() {
      double measuring = remainingTime.secondsOf(remainingJobs());
      if (!refinementAhead()) {
        return java.time.Duration.ofMillis(Math.round(1000 * measuring));
      }
      long spentNow = refineSpentMillis + (waveRunning ? clock.millis() - waveStartedMillis : 0);
      double unspent = Math.max(0, request.refineBudget().toMillis() - spentNow) / 1000.0;
      double seconds = waveRunning ? Math.max(measuring, unspent) : measuring + unspent;
      return java.time.Duration.ofMillis(Math.round(1000 * seconds));
    }

    /** Whether refinement will run: it is asked for and some efficient variant is swept with its baseline. */
    private boolean refinementAhead() {
      if (request.refine() != SweepRequest.Refine.AUTO) {
        return false;
      }
      Set<String> swept = new java.util.HashSet<>();
      jobs.forEach(job -> swept.add(job.variantId()));
      return swept.stream().map(id -> registry.variant(id).descriptor())
          .anyMatch(d -> !d.isVanilla() && swept.contains(d.baseline()));
    }

    private String describe(java.util.Collection<PointJob> replicated, List<PointJob> added) {
      List<String> parts = new ArrayList<>();
      if (!replicated.isEmpty()) {
        parts.add("another fork at " + lengths(replicated));
      }
      if (!added.isEmpty()) {
        parts.add("new lengths " + lengths(added));
      }
      return String.join("; ", parts);
    }

    private static String lengths(java.util.Collection<PointJob> jobs) {
      Map<String, java.util.TreeSet<Double>> byMode = new java.util.TreeMap<>();
      jobs.forEach(job -> byMode.computeIfAbsent(job.mode().id(), m -> new java.util.TreeSet<>()).add(job.length()));
      List<String> parts = new ArrayList<>();
      byMode.forEach((mode, values) -> parts.add(values.stream().map(Lengths::exact)
          .collect(java.util.stream.Collectors.joining(", ")) + " (" + mode + ")"));
      return String.join(", ", parts);
    }

    /** The points among these that have fewer forks than asked for, with the forks asked for. */
    private Map<PointJob, Integer> moreForks(List<PointJob> points) {
      Map<PointJob, Integer> more = new LinkedHashMap<>();
      points.stream().filter(job -> forksOf(job) < request.forks()).forEach(job -> more.put(job, request.forks()));
      return more;
    }

    /** How long measuring these points to their targets should take, from the points measured so far. */
    private double predictedMillis(Map<PointJob, Integer> targets) {
      List<PointJob> forks = new ArrayList<>();
      targets.forEach((job, target) -> {
        for (int i = Math.min(forksOf(job), target); i < target; i++) {
          forks.add(job);
        }
      });
      return 1000 * remainingTime.secondsOf(forks);
    }

    /** The steps measuring these points to their targets takes: a cell for each fork it still needs. */
    private int steps(Map<PointJob, Integer> targets) {
      int steps = 0;
      for (ForkLayout.Series series : ForkLayout.of(List.copyOf(targets.keySet()))) {
        for (List<PointJob> cell : series.cells()) {
          steps += cell.stream().mapToInt(job -> Math.max(0, targets.get(job) - Math.min(forksOf(job), targets.get(job))))
              .max().orElse(0);
          steps += (int) cell.stream().filter(this::needsOwnProcess).filter(job -> forksOf(job) == 0).count();
        }
      }
      return steps;
    }

    private boolean needsOwnProcess(PointJob job) {
      return job.metrics().stream().anyMatch(id -> registry.metric(id).descriptor().ownProcess());
    }

    /** What is left of the current measuring: one entry per point and fork still to come. */
    private List<PointJob> remainingJobs() {
      List<PointJob> left = new ArrayList<>();
      current.forEach((job, target) -> {
        for (int i = Math.min(forksOf(job), target); i < target; i++) {
          left.add(job);
        }
      });
      return left;
    }


    private java.util.Optional<PointJob> refinementJob(PointResult stored) {
      return atStoredLength(jobs, stored, jobs.size());
    }

    /** Adds a fork's outcome to a point, and stores the point as it now stands. */
    private void add(PointJob job, ForkMerge.Measured fork) {
      PointResult point = ForkMerge.add(results.get(job.key()), fork);
      results.put(job.key(), point);
      latest = assemble(false);
      // a point that never started is not a measurement: the database does not hold it, so a resume runs it
      if (store != null && point.status() != PointStatus.NOT_RUN) {
        store.savePoint(runId, job.key(), job.index(), point, rowsOf(job, point), latest.finishedAt());
      }
      write(latest, true);
    }

    /**
     * The result so far: the points measured or stored, in the plan's order, refinement points after;
     * with the tipping points and comparisons when {@code analyse}. Resampling takes about a second of
     * CPU, which must not run beside a measuring process: between points it is left out, and the files
     * written then carry no tipping points until the sweep ends (the database keeps every point).
     */
    private SweepResult assemble(boolean analyse) {
      List<PointResult> points = new ArrayList<>();
      List<ResultRow> rows = new ArrayList<>();
      for (PointJob job : jobs.stream().sorted(Comparator.comparingInt(PointJob::index)).toList()) {
        PointResult point = results.get(job.key());
        if (point != null) {
          points.add(point);
          rows.addAll(rowsOf(job, point));
        }
      }
      Comparisons.Analysis analysis = analyse ? tippingPointFinder.analyse(rows, points, Comparisons.Settings.of(request))
          : new Comparisons.Analysis(List.of(), List.of());
      return new SweepResult(runId, started, clock.instant(), environment, points, rows, analysis.tippingPoints(),
          analysis.comparisons(), output, jobs.stream().allMatch(job -> results.containsKey(job.key())
              && results.get(job.key()).status() != PointStatus.NOT_RUN));
    }

    private Comparisons.Analysis analyse(SweepResult result) {
      return new Comparisons.Analysis(result.tippingPoints(), result.comparisons());
    }

    private List<ResultRow> rowsOf(PointJob job, PointResult point) {
      return ResultRows.of(runId, point, plan.quantitiesOf(job), environment);
    }

    private void write(SweepResult result, boolean afterPoint) {
      if (output == null) {
        return;
      }
      for (ResultWriter writer : writers) {
        if (afterPoint && !writer.afterEveryPoint()) {
          continue;
        }
        try {
          writer.write(result, output);
        } catch (IOException | UncheckedIOException e) {
          throw new UncheckedIOException("cannot write results to " + output + ": " + e.getMessage(),
              e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
      }
    }
  }

  /** A cell as people read it: {@code text/bert + 2 more, 512 inference b1}. */
  static String cellLabel(List<PointJob> cell) {
    PointJob first = cell.get(0);
    String who = cell.size() == 1 ? first.variantId() : first.variantId() + " + " + (cell.size() - 1) + " more";
    return who + " " + Lengths.exact(first.length()) + " " + first.mode().id() + " b" + first.batch();
  }
}
