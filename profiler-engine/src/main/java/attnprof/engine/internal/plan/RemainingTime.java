package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates how long the points still to measure will take from how long the measured ones took. A
 * point costs a fixed start (a JVM, a graph; taken as 90% of the quickest point so far of its mode, since
 * a training graph takes much longer to build and optimise than an inference one) plus work that
 * grows with its length, so the work of each point is extrapolated from the longest measured point of
 * the same variant, mode and batch as a power of length: the exponent fitted to all of them (kept between
 * 0 and 2), or, with one point, the typical exponent of the mode's other variants (of the other modes'
 * when none has one yet), at most 1. A point with nothing alike measured yet costs the fixed
 * start measured so far: how much more its kind of point costs is not known until one is measured, and
 * guessing it from the other kinds made the first estimates of a sweep jump.
 */
public final class RemainingTime {
  private record Done(String variantId, attnprof.api.Mode mode, int batch, double length, double seconds) {
  }

  private final List<Done> done = new ArrayList<>();

  public void finished(Point job, double seconds) {
    finished(job.variant(), job.mode(), job.batch(), job.length(), seconds);
  }

  /** A point measured once, such as one of an earlier run: {@code seconds} for one fork. */
  public void finished(String variantId, attnprof.api.Mode mode, int batch, double length, double seconds) {
    if (!Double.isFinite(length)) {
      return; // an unlimited streaming left context: nothing to extrapolate from
    }
    done.add(new Done(variantId, mode, batch, length, seconds));
  }

  /** Whether anything was measured to estimate from. */
  public boolean knowsAnything() {
    return !done.isEmpty();
  }

  public Duration of(List<Point> remaining) {
    return Duration.ofMillis(Math.round(secondsOf(remaining) * 1000));
  }

  /** The estimated seconds of measuring these points once each; 0 before anything was measured. */
  public double secondsOf(List<Point> points) {
    if (done.isEmpty()) {
      return 0;
    }
    double total = 0;
    for (Point job : points) {
      total += estimate(job);
    }
    return total;
  }

  private double estimate(Point job) {
    List<Done> alike = alike(job);
    double start = start(job.mode());
    if (alike.isEmpty()) {
      return start;
    }
    Done longest = alike.get(alike.size() - 1);
    // an unlimited streaming left context costs what the longest measured does, or fails at once
    double length = Double.isFinite(job.length()) ? job.length() : longest.length();
    // one point alike: growing as the others of its mode grew, but no faster than length until a second shows it
    double exponent = exponent(alike, start).orElseGet(() -> Math.min(1, typicalExponent(job.mode())));
    return start + Math.max(0, longest.seconds() - start) * Math.pow(length / longest.length(), exponent);
  }

  /** The measured points of the same variant, mode and batch, shortest first. */
  private List<Done> alike(Point job) {
    return alike(job.variant(), job.mode(), job.batch());
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

  /**
   * How the work beyond the start grows with length: the slope of log work against log length over the
   * points alike (least squares, so that one noisy point moves it little), kept in [0, 2]; empty with fewer
   * than two lengths whose work is above the start.
   */
  private static java.util.OptionalDouble exponent(List<Done> alike, double start) {
    List<double[]> logs = alike.stream().filter(d -> d.seconds() > start && d.length() > 0)
        .map(d -> new double[] {Math.log(d.length()), Math.log(d.seconds() - start)}).toList();
    double meanLength = logs.stream().mapToDouble(l -> l[0]).average().orElse(0);
    double meanWork = logs.stream().mapToDouble(l -> l[1]).average().orElse(0);
    double spread = logs.stream().mapToDouble(l -> (l[0] - meanLength) * (l[0] - meanLength)).sum();
    if (logs.size() < 2 || spread <= 0) {
      return java.util.OptionalDouble.empty();
    }
    double slope = logs.stream().mapToDouble(l -> (l[0] - meanLength) * (l[1] - meanWork)).sum() / spread;
    return java.util.OptionalDouble.of(Math.max(0, Math.min(2, slope)));
  }

  /**
   * The median exponent of this mode's groups that have one; of every mode's when none of this mode has;
   * 1 (work in proportion to length) when no group has one.
   */
  private double typicalExponent(attnprof.api.Mode mode) {
    double[] own = exponents(mode);
    double[] exponents = own.length > 0 ? own : exponents(null);
    return exponents.length == 0 ? 1 : exponents[exponents.length / 2];
  }

  /** The exponents of the groups of a mode (null: of every mode) that have one, sorted. */
  private double[] exponents(attnprof.api.Mode mode) {
    return done.stream().filter(d -> mode == null || d.mode() == mode)
        .map(d -> alike(d.variantId(), d.mode(), d.batch())).distinct()
        .map(group -> exponent(group, start(group.get(0).mode()))).filter(java.util.OptionalDouble::isPresent)
        .mapToDouble(java.util.OptionalDouble::getAsDouble).sorted().toArray();
  }
}
