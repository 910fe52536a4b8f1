package attnprof.engine.internal.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates how long the points still to measure will take from how long the measured ones took. A
 * point costs a fixed start (a JVM, a graph; taken as 90% of the quickest point so far) plus work that
 * grows with its length, so the work of each point is extrapolated from the measured points of the
 * same variant, mode and batch: through the two longest of them as a power of length (the exponent
 * kept between 0 and 2), or from the one there is in proportion to length. A point with nothing alike
 * measured takes the average of all measured points.
 */
final class RemainingTime {
  private record Done(PointJob job, double seconds) {
  }

  private final List<Done> done = new ArrayList<>();

  void finished(PointJob job, double seconds) {
    done.add(new Done(job, seconds));
  }

  Duration of(List<PointJob> remaining) {
    if (done.isEmpty()) {
      return Duration.ZERO;
    }
    double total = 0;
    for (PointJob job : remaining) {
      total += estimate(job);
    }
    return Duration.ofMillis(Math.round(total * 1000));
  }

  private double estimate(PointJob job) {
    List<Done> alike = done.stream().filter(d -> d.job().variantId().equals(job.variantId())
        && d.job().mode() == job.mode() && d.job().batch() == job.batch()).sorted(
        java.util.Comparator.comparingDouble(d -> d.job().length())).toList();
    if (alike.isEmpty()) {
      return done.stream().mapToDouble(Done::seconds).average().orElse(0);
    }
    double start = 0.9 * done.stream().mapToDouble(Done::seconds).min().orElse(0);
    Done longest = alike.get(alike.size() - 1);
    double work = longest.seconds() - start;
    double exponent = 1;
    if (alike.size() >= 2) {
      Done before = alike.get(alike.size() - 2);
      double lengths = Math.log(longest.job().length() / before.job().length());
      double workBefore = before.seconds() - start;
      if (lengths > 0 && workBefore > 0 && work > 0) {
        exponent = Math.max(0, Math.min(2, Math.log(work / workBefore) / lengths));
      }
    }
    return start + Math.max(0, work) * Math.pow(job.length() / longest.job().length(), exponent);
  }
}
