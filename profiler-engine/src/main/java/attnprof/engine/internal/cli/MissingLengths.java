package attnprof.engine.internal.cli;

import attnprof.api.metric.Metric;
import attnprof.engine.Profiler;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.Figure;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.result.SweepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code advise --measure-missing}: the run's models measured at the dataset's shortest and longest lengths where
 * they lie outside the run's, and at its median length when the run did not measure it, as a run of their own (in
 * the same database), so that no sample's cost is extrapolated and the cost at the median, which the decision rests
 * on, is measured rather than read off a line between grid lengths (a model that pads to whole blocks costs in
 * steps a line does not follow); the advice then costs both runs' measurements together.
 */
final class MissingLengths {
  private MissingLengths() {
  }

  /** The run, with the dataset's outlying and median lengths measured beside it; the run itself when it has them. */
  static SweepResult measured(AttnprofCommand root, SweepResult run, LengthDistribution data) {
    List<Figure> compared = run.figures().stream().filter(f -> f.lengthUnit().equals(data.unit()))
        .filter(f -> Double.isFinite(f.length())).toList();
    if (compared.isEmpty()) {
      return run;
    }
    double shortest = compared.stream().mapToDouble(Figure::length).min().orElseThrow();
    double longest = compared.stream().mapToDouble(Figure::length).max().orElseThrow();
    Profiler profiler = root.profiler();
    boolean whole = profiler.registry().inputFor(attnprof.api.Modality.of(compared.get(0).point().modality()))
        .descriptor().wholeLengths();
    double median = whole ? Math.round(data.median()) : data.median();
    Set<Double> measured = compared.stream().map(Figure::length).collect(Collectors.toSet());
    List<Double> missing = Stream.of(data.min() < shortest ? data.min() : Double.NaN,
        measured.contains(median) ? Double.NaN : median, data.max() > longest ? data.max() : Double.NaN)
        .filter(Double::isFinite).distinct().sorted().toList();
    if (missing.isEmpty()) {
      return run;
    }
    Set<String> quantities = compared.stream().map(f -> f.quantity().id()).collect(Collectors.toSet());
    List<String> metrics = profiler.registry().metrics().stream().map(Metric::descriptor)
        .filter(d -> d.quantities().stream().anyMatch(q -> quantities.contains(q.id())))
        .map(d -> d.id()).toList();
    Figure first = compared.get(0);
    SweepRequest.Builder request = SweepRequest.builder()
        .variants(compared.stream().map(Figure::variant).distinct().toList()).preset(first.preset())
        .lengths(missing).modes(compared.stream().map(f -> f.point().mode()).distinct().toList())
        .batches(compared.stream().map(Figure::batch).distinct().toList()).metrics(metrics)
        .device(first.point().device()).forks(forksOf(run)).refine(SweepRequest.Refine.NONE).database(root.database());
    first.point().config().forEach(request::param);
    String runId = profiler.newRunId();
    Path folder = root.results().resolve(runId);
    root.err.println(Terminal.fit("attnprof: measuring " + missing.stream().map(l -> attnprof.engine.result.Lengths
        .format(l, data.unit())).collect(Collectors.joining(", ")) + ", which run " + run.runId() + " did not measure, as run "
        + runId));
    SweepResult extra = profiler.sweep(request.outputDirectory(folder).build(), runId,
        new ConsoleProgress(root.err, folder, false));
    List<attnprof.engine.result.PointResult> points = new ArrayList<>(run.points());
    points.addAll(extra.points());
    List<Figure> figures = new ArrayList<>(run.figures());
    figures.addAll(extra.figures());
    return new SweepResult(run.runId(), run.startedAt(), extra.finishedAt(), run.environment(), points, figures,
        run.tippingPoints(), run.comparisons(), run.outputDirectory(), run.complete() && extra.complete());
  }

  /** The most forks any of the run's points was measured in: the new lengths are measured as well as its best. */
  private static int forksOf(SweepResult run) {
    return Math.max(1, run.points().stream().mapToInt(point -> point.forks().size()).max().orElse(1));
  }
}
