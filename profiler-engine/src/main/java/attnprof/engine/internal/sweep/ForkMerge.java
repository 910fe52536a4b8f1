package attnprof.engine.internal.sweep;

import attnprof.api.metric.Measurement;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.engine.result.ForkResult;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One point's result from what each of its measuring processes measured. A point whose first process
 * failed has that ending (it gets no more forks); a later process that fails adds a note, one that could not
 * start adds nothing (the point misses that process, for a resume to run). Each quantity
 * is summarised over every process that measured it: timed runs pooled, single readings (a peak, a
 * count) by their median over processes. Each process' own measurements are kept as the point's forks.
 */
final class ForkMerge {
  private ForkMerge() {
  }

  /** A fork-level result with the process that measured it, and when it came in. */
  record Measured(int replicate, String process, PointResult result, long finishedAt) {
  }

  /** A point with one more fork: the result it had (or none yet) and the fork's outcome together. */
  static PointResult add(PointResult existing, Measured fork) {
    List<Measured> forks = new ArrayList<>();
    if (existing != null) {
      if (existing.status() != PointStatus.OK) {
        return existing;
      }
      for (ForkResult kept : existing.forks()) {
        forks.add(new Measured(kept.replicate(), kept.process(), existing.withForks(kept.measurements(), List.of(),
            kept.wallSeconds()), kept.finishedAt()));
      }
    }
    forks.add(fork);
    return merge(forks);
  }

  static PointResult merge(List<Measured> forks) {
    double seconds = forks.stream().mapToDouble(f -> f.result().wallSeconds()).sum();
    // a process of its own that failed stays as a fork without measurements: that step was taken; one that could
    // not start leaves no trace, so that the point is not complete and a resume takes the step
    List<ForkResult> kept = forks.stream().filter(f -> f.result().status() == PointStatus.OK
            || f.replicate() == ForkResult.OWN_PROCESS && f.result().status() != PointStatus.NOT_RUN)
        .map(f -> new ForkResult(f.replicate(), f.process(), f.result().measurements(), f.result().wallSeconds(),
            f.finishedAt()))
        .toList();
    List<Measured> ok = forks.stream().filter(f -> f.result().status() == PointStatus.OK).toList();
    if (ok.isEmpty()) {
      PointResult failed = forks.get(0).result();
      return new PointResult(failed.point(), failed.status(), List.of(), failed.parameters(), failed.notes(), failed.message(),
          seconds, kept);
    }
    PointResult first = ok.get(0).result();
    Map<String, List<Measurement>> byQuantity = new LinkedHashMap<>();
    LinkedHashSet<String> notes = new LinkedHashSet<>();
    // a later fork that failed where an earlier one measured: the point keeps what it measured, and says so
    forks.stream().filter(f -> f.result().status() != PointStatus.OK && f.result().status() != PointStatus.NOT_RUN)
        .forEach(f -> notes.add("fork " + f.process()
        + " ended " + f.result().status().id() + ": " + f.result().message()));
    long parameters = 0;
    for (Measured fork : ok) {
      fork.result().measurements().forEach(m -> byQuantity.computeIfAbsent(m.quantity().id(), k -> new ArrayList<>())
          .add(m));
      notes.addAll(fork.result().notes());
      parameters = Math.max(parameters, fork.result().parameters());
    }
    List<Measurement> merged = new ArrayList<>();
    byQuantity.values().forEach(measurements -> merged.add(pool(measurements)));
    return new PointResult(first.point(), PointStatus.OK, merged, parameters, List.copyOf(notes), "", seconds, kept);
  }

  private static Measurement pool(List<Measurement> measurements) {
    if (measurements.size() == 1) {
      return measurements.get(0);
    }
    Quantity quantity = measurements.get(0).quantity();
    if (measurements.stream().allMatch(m -> !m.runs().isEmpty())) {
      List<Double> runs = new ArrayList<>();
      measurements.forEach(m -> runs.addAll(m.runs()));
      return new Measurement(quantity, Summary.of(runs.stream().mapToDouble(Double::doubleValue).toArray()), runs);
    }
    double[] readings = measurements.stream().mapToDouble(m -> m.summary().median()).toArray();
    Summary summary = Summary.of(readings);
    return new Measurement(quantity, new Summary(summary.median(), summary.p10(), summary.p90(), summary.mad(),
        summary.ciLow(), summary.ciHigh(), readings.length), List.of());
  }
}
