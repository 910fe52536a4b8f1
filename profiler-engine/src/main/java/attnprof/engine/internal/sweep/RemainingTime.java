package attnprof.engine.internal.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates how long the points still to measure will take from how long the measured ones took. A
 * point costs a fixed start (a JVM, a graph; taken as 90% of the quickest point so far of its mode, since
 * a training graph takes much longer to build and optimise than an inference one) plus work that
 * grows with its length, so the work of each point is extrapolated from the measured points of the
 * same variant, mode and batch: through the two longest of them as a power of length (the exponent
 * kept between 0 and 2), or from the one there is with the typical exponent of the others (in
 * proportion to length when no other has one). A point with nothing alike measured yet costs the fixed
 * start measured so far: how much more its kind of point costs is not known until one is measured, and
 * guessing it from the other kinds made the first estimates of a sweep jump.
 */
final class RemainingTime {
  private record Done(String variantId, attnprof.api.Mode mode, int batch, double length, double seconds) {
  }

  private final List<Done> done = new ArrayList<>();

  void finished(PointJob job, double seconds) {
    finished(job.variantId(), job.mode(), job.batch(), job.length(), seconds);
  }

  /** A point measured once, such as one of an earlier run: {@code seconds} for one fork. */
  void finished(String variantId, attnprof.api.Mode mode, int batch, double length, double seconds) {
    done.add(new Done(variantId, mode, batch, length, seconds));
  }

  /** Whether anything was measured to estimate from. */
  boolean knowsAnything() {
    return !done.isEmpty();
  }

  Duration of(List<PointJob> remaining) {
    return Duration.ofMillis(Math.round(secondsOf(remaining) * 1000));
  }

  /** The estimated seconds of measuring these points once each; 0 before anything was measured. */
  double secondsOf(List<PointJob> points) {
    if (done.isEmpty()) {
      return 0;
    }
    double total = 0;
    for (PointJob job : points) {
      total += estimate(job);
    }
    return total;
  }

  private double estimate(PointJob job) {
    List<Done> alike = alike(job);
    double start = start(job.mode());
    if (alike.isEmpty()) {
      return start;
    }
    Done longest = alike.get(alike.size() - 1);
    double exponent = exponent(alike, start).orElseGet(this::typicalExponent);
    return start + Math.max(0, longest.seconds() - start) * Math.pow(job.length() / longest.length(), exponent);
  }

  /** The measured points of the same variant, mode and batch, shortest first. */
  private List<Done> alike(PointJob job) {
    return alike(job.variantId(), job.mode(), job.batch());
  }

  private List<Done> alike(String variantId, attnprof.api.Mode mode, int batch) {
    return done.stream().filter(d -> d.variantId().equals(variantId) && d.mode() == mode && d.batch() == batch)
        .sorted(java.util.Comparator.comparingDouble(Done::length)).toList();
  }

  /** 90% of the quickest point of the mode, or of any mode when none of this one is measured yet. */
  private double start(attnprof.api.Mode mode) {
    java.util.OptionalDouble quickest = done.stream().filter(d -> d.mode() == mode)
        .mapToDouble(Done::seconds).min();
    return 0.9 * (quickest.isPresent() ? quickest.getAsDouble() : done.stream().mapToDouble(Done::seconds).min()
        .orElse(0));
  }

  /** How the work grew between the two longest points alike, as a power of length kept in [0, 2]. */
  private static java.util.OptionalDouble exponent(List<Done> alike, double start) {
    if (alike.size() < 2) {
      return java.util.OptionalDouble.empty();
    }
    Done longest = alike.get(alike.size() - 1);
    Done before = alike.get(alike.size() - 2);
    double lengths = Math.log(longest.length() / before.length());
    double work = longest.seconds() - start;
    double workBefore = before.seconds() - start;
    if (lengths <= 0 || workBefore <= 0 || work <= 0) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of(Math.max(0, Math.min(2, Math.log(work / workBefore) / lengths)));
  }

  /** The median exponent of the groups that have one, or 1 (work in proportion to length) when none has. */
  private double typicalExponent() {
    double[] exponents = done.stream().map(d -> alike(d.variantId(), d.mode(), d.batch())).distinct()
        .map(group -> exponent(group, start(group.get(0).mode()))).filter(java.util.OptionalDouble::isPresent)
        .mapToDouble(java.util.OptionalDouble::getAsDouble).sorted().toArray();
    return exponents.length == 0 ? 1 : exponents[exponents.length / 2];
  }
}
