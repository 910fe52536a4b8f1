package attnprof.engine.internal.stats;

import attnprof.engine.result.Lengths;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Unit;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.Figure;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.result.TippingPoint.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/** One variant against its baseline for one quantity, along the lengths. */
final class Comparison {
  private final Comparisons.Key key;
  private final List<Comparisons.Cell> cells;
  private final EstimatedVariance forkVariance;
  private final Comparisons.Settings settings;
  private final Resampler random;
  private final double sign;
  private final double[] lengths;
  private final String unit;

  Comparison(Comparisons.Key key, List<Comparisons.Cell> cells, EstimatedVariance forkVariance,
      Comparisons.Settings settings, Resampler random) {
    this.key = key;
    this.cells = cells;
    this.forkVariance = forkVariance;
    this.settings = settings;
    this.random = random;
    Figure sample = cells.isEmpty() ? null : cells.get(0).variant();
    this.sign = sample != null && sample.direction() == Direction.HIGHER_IS_BETTER ? -1 : 1;
    this.lengths = cells.stream().mapToDouble(Comparisons.Cell::length).toArray();
    this.unit = sample == null ? "" : sample.lengthUnit();
  }

  void run(List<TippingPoint> points, List<LengthComparison> comparisons) {
    if (cells.isEmpty()) {
      points.add(point(Verdict.NO_DATA, Double.NaN, "no length has results for both", Double.NaN, Double.NaN,
          TippingPoint.GRID, ""));
      return;
    }
    int n = cells.size();
    int replicates = settings.replicates();
    // per cell: the estimate's log ratio, and each replicate's log values of both sides
    double[] logRatio = new double[n];
    double[][] replicateRatios = new double[n][replicates];
    double[][][] replicateValues = new double[n][][];
    // one draw of the forks' variance per replicate, shared by every length: it is one machine's
    double[] forkVariances = forkVariance.draws(replicates, random);
    for (int i = 0; i < n; i++) {
      Comparisons.Cell cell = cells.get(i);
      if (cell.bothOk()) {
        double[] estimate = cell.paired().estimate();
        logRatio[i] = estimate[0] - estimate[1];
        replicateValues[i] = new double[replicates][];
        for (int r = 0; r < replicates; r++) {
          double[] values = cell.paired().replicate(random, forkVariances[r]);
          replicateValues[i][r] = values;
          replicateRatios[i][r] = values[0] - values[1];
        }
      } else {
        double failure = Comparisons.countsAsFailure(cell.variant()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        logRatio[i] = failure;
        java.util.Arrays.fill(replicateRatios[i], failure);
      }
    }
    List<String> verdicts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LengthComparison comparison = compare(cells.get(i), logRatio[i], replicateRatios[i]);
      comparisons.add(comparison);
      verdicts.add(comparison.verdict());
    }
    double[] deficits = new double[n];
    for (int i = 0; i < n; i++) {
      deficits[i] = sign * logRatio[i];
    }
    Crossing.Outcome outcome = Crossing.find(lengths, deficits);
    double[] crossings = new double[replicates];
    double[] deficit = new double[n];
    for (int r = 0; r < replicates; r++) {
      for (int i = 0; i < n; i++) {
        deficit[i] = sign * replicateRatios[i][r];
      }
      crossings[r] = Crossing.find(lengths, deficit).asNumber();
    }
    double low = Stats.quantile(crossings, 0.025);
    double high = Stats.quantile(crossings, 0.975);
    String similar = indistinguishable(verdicts);
    VerdictRuns runs = VerdictRuns.of(verdicts);
    String how = runs.how(lengths, this::number, unit) + failureNotes();
    switch (runs.last()) {
      case LengthComparison.BETTER -> points.add(better(runs, outcome, how, low, high, similar));
      case LengthComparison.WORSE -> points.add(never(replicateValues, how, low, similar));
      default -> points.add(point(Verdict.INDISTINGUISHABLE, Double.NaN, how, Double.NaN, Double.NaN,
          TippingPoint.GRID, similar));
    }
  }

  /**
   * Better at the largest length: from the start when better at every length; else the point estimates' crossing
   * between the last length where it was worse and the first of the lengths it stays better from, with the
   * replicates' interval; when it was never worse (only indistinguishable before), the first length it stays better
   * from, read off the grid.
   */
  private TippingPoint better(VerdictRuns runs, Crossing.Outcome outcome, String how, double low, double high,
      String similar) {
    int from = runs.finalRunStart();
    if (from == 0) {
      return point(Verdict.FROM_START, Double.NaN, how, Double.NaN, finite(high), TippingPoint.GRID, similar);
    }
    int worse = runs.lastWorse();
    if (worse < 0) {
      return point(Verdict.AT, lengths[from], how, Double.NaN, Double.NaN, TippingPoint.GRID, similar);
    }
    double first = lengths[worse];
    double last = lengths[from];
    double estimate = outcome.kind() == Crossing.Kind.AT ? within(outcome.length(), first, last)
        : Math.sqrt(first * last);
    boolean bisected = false;
    for (int i = worse; i <= from; i++) {
      bisected |= cells.get(i).variant().point().refinement() || cells.get(i).baseline().point().refinement();
    }
    // the verdicts put the crossing between the last length it was worse at and the first it stays better from;
    // where the fit crosses beyond them (a step in the costs, such as padding to a window), that is all that is known
    boolean outside = outcome.kind() == Crossing.Kind.AT && estimate != outcome.length();
    return point(Verdict.AT, estimate, how, outside ? first : within(finite(low), first, last),
        outside ? last : within(finite(high), first, last), bisected ? TippingPoint.BISECTED : TippingPoint.INTERPOLATED,
        similar);
  }

  private LengthComparison compare(Comparisons.Cell cell, double logRatio, double[] replicates) {
    double low = Stats.quantile(replicates, 0.025);
    double high = Stats.quantile(replicates, 0.975);
    double noise = Math.log1p(settings.noise());
    String verdict;
    // the interval of the deficit (positive is worse) against the band of noise around zero
    double worstDeficit = sign > 0 ? high : -low;
    double bestDeficit = sign > 0 ? low : -high;
    if (worstDeficit < -noise) {
      verdict = LengthComparison.BETTER;
    } else if (bestDeficit > noise) {
      verdict = LengthComparison.WORSE;
    } else {
      verdict = LengthComparison.INDISTINGUISHABLE;
    }
    String failed = cell.bothOk() ? "" : Comparisons.countsAsFailure(cell.variant()) ? "variant " + cell.variant().status().id()
        : "baseline " + cell.baseline().status().id();
    return new LengthComparison(key.variant(), key.baseline(), key.metric(), key.mode(), key.batch(), key.input(),
        cell.length(), unit, Math.exp(logRatio), Math.exp(low), Math.exp(high), verdict, failed,
        cell.variant().point().refinement() || cell.baseline().point().refinement());
  }

  /** Not better at the largest length: say so, with a crossing the fitted curves predict beyond it, if any. */
  private TippingPoint never(double[][][] replicateValues, String detail, double low, String similar) {
    Comparisons.Cell last = cells.get(cells.size() - 1);
    List<Integer> fitted = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).bothOk()) {
        fitted.add(i);
      }
    }
    if (fitted.size() < CostModel.MIN_LENGTHS || !last.bothOk()) {
      return point(Verdict.NEVER_IN_RANGE, Double.NaN, detail, finite(low), Double.NaN, TippingPoint.GRID, similar);
    }
    double[] at = fitted.stream().mapToDouble(i -> lengths[i]).toArray();
    Optional<CostModel> variant = CostModel.fit(at, costs(fitted, i -> cells.get(i).paired().estimate()[0]));
    Optional<CostModel> baseline = CostModel.fit(at, costs(fitted, i -> cells.get(i).paired().estimate()[1]));
    if (variant.isEmpty() || baseline.isEmpty()) {
      return point(Verdict.NEVER_IN_RANGE, Double.NaN, detail, finite(low), Double.NaN, TippingPoint.GRID, similar);
    }
    double worst = Math.max(variant.get().worstResidual(), baseline.get().worstResidual());
    if (!variant.get().good() || !baseline.get().good()) {
      return point(Verdict.NEVER_IN_RANGE, Double.NaN, detail + String.format(Locale.ROOT,
          "; the fitted cost curves are too poor to extrapolate (largest residual %.0f%%, more than %.0f%%)",
          100 * worst, 100 * CostModel.MAX_RESIDUAL), finite(low), Double.NaN, TippingPoint.GRID, similar);
    }
    double largest = at[at.length - 1];
    OptionalDouble predicted = variant.get().crossesBelow(baseline.get(), largest, largest * Comparisons.EXTRAPOLATION_LIMIT);
    if (predicted.isEmpty()) {
      return point(Verdict.NEVER_IN_RANGE, Double.NaN, detail + "; the fitted cost curves do not cross within "
          + (long) Comparisons.EXTRAPOLATION_LIMIT + "x of it", finite(low), Double.NaN, TippingPoint.GRID, similar);
    }
    double[] predictions = new double[settings.replicates()];
    for (int r = 0; r < predictions.length; r++) {
      int rep = r;
      Optional<CostModel> v = CostModel.fit(at, costs(fitted, i -> replicateValues[i][rep][0]));
      Optional<CostModel> b = CostModel.fit(at, costs(fitted, i -> replicateValues[i][rep][1]));
      predictions[r] = v.isPresent() && b.isPresent()
          ? v.get().crossesBelow(b.get(), largest, largest * Comparisons.EXTRAPOLATION_LIMIT).orElse(Double.POSITIVE_INFINITY)
          : Double.POSITIVE_INFINITY;
    }
    double predictedLow = Math.max(largest, Stats.quantile(predictions, 0.025));
    double predictedHigh = Stats.quantile(predictions, 0.975);
    return point(Verdict.NEVER_IN_RANGE, predicted.getAsDouble(), detail + String.format(Locale.ROOT,
        "; fitted cost curves (a + b n + c n^2, largest residual %.0f%%) cross beyond it", 100 * worst),
        predictedLow, finite(predictedHigh), TippingPoint.EXTRAPOLATED, similar);
  }

  /** The costs of fitted cells from their log values: the value when lower is better, its inverse when higher is. */
  private double[] costs(List<Integer> fitted, java.util.function.IntToDoubleFunction logValue) {
    return fitted.stream().mapToDouble(i -> Math.exp(sign * logValue.applyAsDouble(i))).toArray();
  }

  /** The ranges of lengths, such as {@code 256-362, 1024}, where the verdict was indistinguishable. */
  private String indistinguishable(List<String> verdicts) {
    List<String> ranges = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= verdicts.size(); i++) {
      boolean similar = i < verdicts.size() && verdicts.get(i).equals(LengthComparison.INDISTINGUISHABLE);
      if (similar && start < 0) {
        start = i;
      } else if (!similar && start >= 0) {
        ranges.add(start == i - 1 ? number(lengths[start]) : number(lengths[start]) + "\u2013" + number(lengths[i - 1]));
        start = -1;
      }
    }
    return ranges.isEmpty() ? "" : String.join(", ", ranges) + " " + unit;
  }

  /** Which side's point failed where, such as {@code ; the baseline's point: oom at 2048}; empty when none did. */
  private String failureNotes() {
    StringBuilder notes = new StringBuilder();
    for (Comparisons.Cell cell : cells) {
      if (!cell.bothOk()) {
        boolean variant = Comparisons.countsAsFailure(cell.variant());
        notes.append("; the ").append(variant ? "variant" : "baseline").append("'s point: ")
            .append((variant ? cell.variant() : cell.baseline()).status().id()).append(" at ")
            .append(number(cell.length()));
      }
    }
    return notes.toString();
  }

  private String number(double length) {
    String formatted = Lengths.format(length, unit);
    return unit.isEmpty() ? formatted : formatted.substring(0, formatted.length() - unit.length() - 1);
  }

  private TippingPoint point(Verdict verdict, double length, String detail, double low, double high, String method,
      String similar) {
    return new TippingPoint(key.variant(), key.baseline(), key.metric(), key.mode(), key.batch(), key.input(),
        verdict, length, unit, detail, low, high, method, similar, baselineForm());
  }

  /** How the baseline's points were computed, where not densely. */
  private String baselineForm() {
    return cells.isEmpty() ? "" : attnprof.engine.result.BaselineForm.of(cells.get(0).baseline().point().config());
  }

  /** A value kept between two lengths (NaN stays NaN, as Math.min and max keep it). */
  private static double within(double value, double first, double last) {
    return Math.min(Math.max(value, first), last);
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : Double.NaN;
  }
}
