package attnprof.engine.internal.sweep;

import attnprof.engine.internal.point.Point;
import attnprof.engine.internal.point.PointKey;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.internal.stats.Comparisons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which lengths to measure next to narrow tipping points down: for each tipping point between two
 * measured lengths, the length halfway between them in log length, with the variant and its baseline.
 * A time quantity is narrowed until its 95% interval is within 5% of it and its two lengths are at most an
 * octave apart (a straight line between lengths further apart can have a tight interval that says nothing about
 * where the curves really cross), or until its two lengths are closer than an eighth of an octave (closer
 * lengths differ by less than the noise, and the side a noisy ratio falls on stops meaning anything). A memory quantity, nearly free of noise, is bisected
 * to the exact length (the modality's smallest step). Lengths that both models pad to what they compute
 * at one end are the same measurement and are not measured. Other quantities (FLOPs) are left as found.
 */
final class Refinement {
  /** A time quantity's interval is narrow enough within this fraction of its tipping point, either side. */
  static final double TOLERANCE = 0.05;
  /** Time quantities are not bisected between lengths closer than this ratio. */
  static final double MIN_GAP = Math.pow(2, 1.0 / 8);
  /** A time quantity's interval counts as narrow only between lengths at most this ratio apart. */
  static final double MAX_TRUSTED_GAP = 2;

  private Refinement() {
  }

  /**
   * The points of a refinement wave.
   *
   * @param time the points that narrow time quantities down
   * @param memory the points that narrow only memory quantities down
   */
  record Wave(List<Point> time, List<Point> memory) {
    boolean isEmpty() {
      return time.isEmpty() && memory.isEmpty();
    }

    List<Point> all() {
      List<Point> all = new ArrayList<>(time);
      all.addAll(memory);
      return all;
    }
  }

  /**
   * The next lengths to measure.
   *
   * @param jobs every point planned so far, to copy settings from and not to measure twice
   * @param quantities the quantities of the sweep, by id
   * @param wholeLengths whether a modality's lengths are whole numbers (tokens, pixels)
   * @param padding the length a point's model computes on at a length (see {@code ModelVariant.paddedLength})
   */
  static Wave next(Comparisons.Analysis analysis, List<Point> jobs, Map<String, Quantity> quantities,
      Predicate<String> wholeLengths, Padding padding) {
    Set<PointKey> planned = jobs.stream().map(Point::key).collect(Collectors.toSet());
    Map<PointKey, Point> timeTargets = new LinkedHashMap<>();
    Map<PointKey, Point> memoryTargets = new LinkedHashMap<>();
    for (TippingPoint point : analysis.tippingPoints()) {
      Quantity quantity = quantities.get(point.metric());
      if (quantity == null || point.verdict() != TippingPoint.Verdict.AT) {
        continue;
      }
      boolean time = isTime(quantity);
      boolean memory = quantity.unit().equals(Unit.BYTES);
      if (!time && !memory) {
        continue;
      }
      Optional<double[]> bracket = bracket(point, analysis.comparisons());
      Optional<Point> variant = template(jobs, point.variant(), point);
      Optional<Point> baseline = template(jobs, point.baseline(), point);
      if (bracket.isEmpty() || variant.isEmpty() || baseline.isEmpty()) {
        continue;
      }
      double lo = bracket.get()[0];
      double hi = bracket.get()[1];
      boolean whole = wholeLengths.test(variant.get().modality());
      if (time && (narrow(point) && hi / lo <= MAX_TRUSTED_GAP * (1 + 1e-9) || hi / lo < MIN_GAP)) {
        continue;
      }
      double step = whole ? 1 : 0.1;
      java.util.OptionalDouble between = between(lo, hi, step, variant.get(), baseline.get(), padding);
      if (between.isEmpty()) {
        // no length between them is computed differently from both: the tipping point is as exact as it gets
        continue;
      }
      double length = between.getAsDouble();
      Map<PointKey, Point> targets = time ? timeTargets : memoryTargets;
      // the other variants compared with the same baseline come along: one more model in the cell, and
      // every comparison of the family gains the length
      for (Point template : family(jobs, baseline.get(), point)) {
        Point job = at(template, length);
        if (!planned.contains(job.key())) {
          targets.putIfAbsent(job.key(), job);
        }
      }
    }
    List<Point> memory = memoryTargets.entrySet().stream().filter(e -> !timeTargets.containsKey(e.getKey()))
        .map(Map.Entry::getValue).toList();
    return new Wave(List.copyOf(timeTargets.values()), memory);
  }

  /**
   * The points that decide each tipping point of a time quantity ({@code time}) or a memory one,
   * found between two measured lengths: the variant and its baseline at both lengths. They are the
   * ones worth more forks.
   */
  static List<Point> deciding(Comparisons.Analysis analysis, List<Point> jobs, Map<String, Quantity> quantities,
      boolean time) {
    Map<PointKey, Point> deciding = new LinkedHashMap<>();
    for (TippingPoint point : analysis.tippingPoints()) {
      Quantity quantity = quantities.get(point.metric());
      if (quantity == null || point.verdict() != TippingPoint.Verdict.AT
          || !(time ? isTime(quantity) : quantity.unit().equals(Unit.BYTES))) {
        continue;
      }
      bracket(point, analysis.comparisons()).ifPresent(bracket -> {
        for (double length : bracket) {
          for (String variant : List.of(point.baseline(), point.variant())) {
            jobs.stream().filter(job -> job.variant().equals(variant) && job.length() == length
                && job.mode().id().equals(point.mode()) && job.batch() == point.batch()
                && job.inputName().equals(point.input())).findFirst()
                .ifPresent(job -> deciding.putIfAbsent(job.key(), job));
          }
        }
      });
    }
    return List.copyOf(deciding.values());
  }

  private static boolean isTime(Quantity quantity) {
    return quantity.unit().equals(Unit.MILLISECONDS) || quantity.unit().equals(Unit.INPUTS_PER_SECOND);
  }

  /** The length a point's model computes on at a length: its own when it pads nothing. */
  interface Padding {
    double paddedLength(Point job, double length);
  }

  /** The padding of the registry's variants, each in its point's mode and configuration. */
  static Padding padding(attnprof.engine.plugins.PluginRegistry registry) {
    return (point, length) -> registry.variant(point.variant()).paddedLength(
        new attnprof.api.model.ModelConfig(point.preset(), point.config(), java.util.Set.of()), length, point.mode());
  }

  /** Whether a modality's lengths are whole numbers (tokens, pixels), as its input generator says. */
  static Predicate<String> wholeLengths(attnprof.engine.plugins.PluginRegistry registry) {
    return modality -> registry.inputFor(attnprof.api.Modality.of(modality)).descriptor().wholeLengths();
  }

  /**
   * A refinement point stored by a run, planned again: a planned point of the same variant, mode, batch and input,
   * at the stored length, at position {@code index}.
   */
  static Optional<Point> atStoredLength(List<Point> points, attnprof.engine.result.PointResult stored, int index) {
    return points.stream().filter(point -> point.variant().equals(stored.variant()) && point.mode() == stored.mode()
        && point.batch() == stored.batch() && point.inputName().equals(stored.input())).findFirst()
        .map(template -> template.refinedAt(stored.length(), index));
  }

  /**
   * The length nearest the middle (in log length) of {@code lo} and {@code hi}, on the modality's
   * step, that one of the two models computes differently from both ends (lengths they pad alike are
   * the same measurement); empty when there is none.
   */
  static java.util.OptionalDouble between(double lo, double hi, double step, Point variant, Point baseline,
      Padding padding) {
    double middle = round(Math.sqrt(lo * hi), step);
    List<Double> low = List.of(padding.paddedLength(variant, lo), padding.paddedLength(baseline, lo));
    List<Double> high = List.of(padding.paddedLength(variant, hi), padding.paddedLength(baseline, hi));
    int steps = (int) Math.round((hi - lo) / step);
    for (int offset = 0; offset <= steps; offset++) {
      for (double candidate : new double[] {round(middle + offset * step, step), round(middle - offset * step, step)}) {
        if (candidate <= lo || candidate >= hi) {
          continue;
        }
        List<Double> here = List.of(padding.paddedLength(variant, candidate), padding.paddedLength(baseline, candidate));
        if (!here.equals(low) && !here.equals(high)) {
          return java.util.OptionalDouble.of(candidate);
        }
      }
    }
    return java.util.OptionalDouble.empty();
  }

  /** Whether a time quantity's interval is within the tolerance of its tipping point. */
  static boolean narrow(TippingPoint point) {
    return Double.isFinite(point.ciLow()) && Double.isFinite(point.ciHigh())
        && point.ciHigh() / point.length() - 1 <= TOLERANCE && 1 - point.ciLow() / point.length() <= TOLERANCE;
  }

  /** The measured lengths on either side of a tipping point. */
  private static Optional<double[]> bracket(TippingPoint point, List<LengthComparison> comparisons) {
    double[] lengths = comparisons.stream()
        .filter(c -> c.variant().equals(point.variant()) && c.baseline().equals(point.baseline())
            && c.metric().equals(point.metric()) && c.mode().equals(point.mode()) && c.batch() == point.batch()
            && c.input().equals(point.input()))
        .mapToDouble(LengthComparison::length).sorted().toArray();
    for (int i = 1; i < lengths.length; i++) {
      if (lengths[i] >= point.length() && lengths[i - 1] < point.length()) {
        return Optional.of(new double[] {lengths[i - 1], lengths[i]});
      }
    }
    return Optional.empty();
  }

  /** The baseline's point and those of every variant swept with it, at the tipping point's mode, batch and input. */
  private static List<Point> family(List<Point> jobs, Point baseline, TippingPoint point) {
    Map<String, Point> family = new LinkedHashMap<>();
    family.put(baseline.variant(), baseline);
    for (Point job : jobs) {
      if (job.baseline().equals(baseline.variant()) && job.mode().id().equals(point.mode())
          && job.batch() == point.batch() && job.inputName().equals(point.input())) {
        family.putIfAbsent(job.variant(), job);
      }
    }
    return List.copyOf(family.values());
  }

  private static Optional<Point> template(List<Point> jobs, String variant, TippingPoint point) {
    return jobs.stream().filter(job -> job.variant().equals(variant) && job.mode().id().equals(point.mode())
        && job.batch() == point.batch() && job.inputName().equals(point.input())).findFirst();
  }

  private static Point at(Point template, double length) {
    return template.refinedAt(length, template.index());
  }

  private static double round(double length, double step) {
    return step == 1 ? Math.round(length) : Math.round(length * 10) / 10.0;
  }
}
