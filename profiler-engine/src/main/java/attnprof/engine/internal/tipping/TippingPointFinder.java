package attnprof.engine.internal.tipping;

import attnprof.engine.result.DatasetAdvice;
import attnprof.engine.result.ForkResult;
import attnprof.engine.result.TimeDrift;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.Figure;
import attnprof.engine.result.TippingPoint;
import attnprof.api.metric.Unit;
import attnprof.engine.internal.stats.Comparisons;
import attnprof.engine.internal.stats.RunDrift;
import attnprof.engine.internal.stats.Samples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the tipping points and per-length verdicts of a run ({@link Comparisons}): from its points'
 * runs by fork when they are known (a sweep, a results database, {@code results.json}), else from the
 * rows' summaries (a results CSV), whose intervals are then only as good as the summaries'.
 */
public final class TippingPointFinder {

  /** The comparison of a run's figures, resampling its points' runs. */
  public Comparisons.Analysis analyse(List<Figure> figures, List<PointResult> points, Comparisons.Settings settings) {
    return Comparisons.analyse(onTheAxis(figures), samplesOf(points), settings);
  }

  /**
   * What each comparison of a run's figures in the dataset's length unit costs on it, resampling its points' runs.
   *
   * @param repeats points of the machine measured in two or more runs, a run's reading an element: how far its times
   *     drift between runs (none: the prior alone)
   * @throws attnprof.api.ProfilerException a user error when the run has no comparison in that unit
   */
  public DatasetAdvice advise(attnprof.engine.result.SweepResult result,
      attnprof.engine.result.LengthDistribution data, List<List<PointResult>> repeats) {
    List<Figure> figures = result.figures().stream().filter(f -> f.lengthUnit().equals(data.unit())).toList();
    RunDrift drift = RunDrift.of(repeats.stream().map(TippingPointFinder::timeSamples).toList());
    List<attnprof.engine.result.Advice> advice = Comparisons.advise(onTheAxis(figures), samplesOf(result.points()),
        drift, Comparisons.Settings.DEFAULT, data);
    if (advice.isEmpty()) {
      throw attnprof.api.ProfilerException.user("run " + result.runId() + " has no efficient variant measured with "
          + "its baseline at two or more lengths in " + data.unit());
    }
    return new DatasetAdvice(data, advice, new TimeDrift(drift.spread(), RunDrift.PRIOR_SPREAD,
        drift.repeatedPoints()));
  }

  /** A point's readings of its first measured time in each run that has it. */
  private static List<Samples> timeSamples(List<PointResult> runs) {
    Optional<String> time = runs.get(0).measurements().stream().map(m -> m.quantity())
        .filter(q -> q.unit().equals(Unit.MILLISECONDS) || q.unit().equals(Unit.INPUTS_PER_SECOND))
        .map(q -> q.id()).findFirst();
    return time.map(metric -> runs.stream().flatMap(run -> samples(metric, run).stream()).toList()).orElse(List.of());
  }

  /** The readings behind each figure, from the point it belongs to. */
  private static java.util.function.Function<Figure, Optional<Samples>> samplesOf(List<PointResult> points) {
    Map<Where, PointResult> byPlace = new HashMap<>();
    for (PointResult point : points) {
      byPlace.put(Where.of(point.point()), point);
    }
    return figure -> samples(figure.metric(), byPlace.get(Where.of(figure.point())));
  }

  /** The tipping points of figures alone, resampling their summaries. */
  public List<TippingPoint> find(List<Figure> figures) {
    return Comparisons.analyse(onTheAxis(figures), figure -> Optional.empty(), Comparisons.Settings.DEFAULT)
        .tippingPoints();
  }

  /** Which point a figure is of, within its run. */
  private record Where(String variant, String input, double length, attnprof.api.Mode mode, int batch) {
    static Where of(attnprof.engine.result.PointSpec point) {
      return new Where(point.variant(), point.input(), point.length(), point.mode(), point.batch());
    }
  }

  /**
   * The rows at finite lengths: a streaming point of an unlimited left context is reported beside the axis,
   * not compared on it (nothing lies between it and the longest finite length to interpolate or bisect).
   */
  private static List<Figure> onTheAxis(List<Figure> figures) {
    return figures.stream().filter(figure -> Double.isFinite(figure.length())).toList();
  }

  /** A row's readings by fork: each fork's runs, or its single reading. */
  private static Optional<Samples> samples(String metric, PointResult point) {
    if (point == null || point.forks().isEmpty()) {
      return Optional.empty();
    }
    List<Samples.Fork> forks = new ArrayList<>();
    for (ForkResult fork : point.forks()) {
      fork.measurement(metric).ifPresent(m -> {
        double[] runs = m.runs().isEmpty() ? new double[] {m.summary().median()}
            : m.runs().stream().mapToDouble(Double::doubleValue).toArray();
        forks.add(new Samples.Fork(fork.process(), runs, fork.finishedAt()));
      });
    }
    return forks.isEmpty() ? Optional.empty() : Optional.of(Samples.ofForks(forks));
  }
}
