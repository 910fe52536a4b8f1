package attnprof.engine.internal.stats;

import attnprof.engine.result.Lengths;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Unit;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.ResultRow;
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

/**
 * Compares each efficient variant with its baseline, per quantity, mode, batch size and input: at each
 * length, the ratio variant/baseline with a 95% bootstrap interval and a verdict; along the lengths,
 * the tipping point with a 95% interval (every bootstrap replicate of all lengths at once gives one
 * crossing; the interval is their 2.5 and 97.5 percentiles), how it was found, and where the two
 * could not be told apart. Where the variant is not better at the largest length, cost curves fitted
 * to both may predict a crossing beyond it, always labelled extrapolated. A point that ran out of
 * memory counts as infinitely worse for the model that failed, as does one that timed out for time
 * quantities; an error is left out.
 */
public final class Comparisons {
  /** Extrapolated crossings are looked for up to this many times the largest length. */
  static final double EXTRAPOLATION_LIMIT = 64;

  private Comparisons() {
  }

  /**
   * How to compare.
   *
   * @param noise the relative difference below which two values are indistinguishable (0.02 = 2%)
   * @param replicates bootstrap replicates
   * @param seed the random seed of resampling: the same measurements give the same intervals
   */
  public record Settings(double noise, int replicates, long seed) {
    public static final Settings DEFAULT = new Settings(0.02, 1000, 20230709);

    /** The analysis settings of a request: its noise threshold, the default resampling. */
    public static Settings of(attnprof.engine.request.SweepRequest request) {
      return new Settings(request.noise(), DEFAULT.replicates(), DEFAULT.seed());
    }
  }

  /**
   * What the comparison found.
   *
   * @param tippingPoints one per comparison
   * @param comparisons one per comparison and length
   */
  public record Analysis(List<TippingPoint> tippingPoints, List<LengthComparison> comparisons) {
  }

  private record Key(String variant, String baseline, String metric, String mode, int batch, String input,
      String preset) {
  }

  /** One length of a comparison: both sides' rows, and their readings when known. */
  private record Cell(double length, ResultRow variant, ResultRow baseline, Samples variantSamples,
      Samples baselineSamples, PairedCell paired) {
    boolean bothOk() {
      return paired != null;
    }
  }

  /**
   * @param rows every row of a run
   * @param samples the readings behind a row, by fork, when its point's forks are known; else the
   *     row's summary is resampled
   */
  public static Analysis analyse(List<ResultRow> rows, Function<ResultRow, Optional<Samples>> samples,
      Settings settings) {
    Map<Key, Map<Double, ResultRow>> efficient = new LinkedHashMap<>();
    Map<Key, Map<Double, ResultRow>> baselines = new HashMap<>();
    for (ResultRow row : rows) {
      if (!Direction.ofId(row.better()).ranked()) {
        continue;
      }
      if (!row.baseline().isEmpty()) {
        efficient.computeIfAbsent(new Key(row.variant(), row.baseline(), row.metric(), row.mode(), row.batch(),
            row.input(), row.preset()), k -> new TreeMap<>()).put(row.length(), row);
      }
      baselines.computeIfAbsent(new Key(row.variant(), "", row.metric(), row.mode(), row.batch(), row.input(),
          row.preset()), k -> new TreeMap<>()).put(row.length(), row);
    }
    Map<Key, List<Cell>> comparisons = new LinkedHashMap<>();
    for (Map.Entry<Key, Map<Double, ResultRow>> entry : efficient.entrySet()) {
      Key key = entry.getKey();
      Map<Double, ResultRow> reference = baselines.get(new Key(key.baseline(), "", key.metric(), key.mode(),
          key.batch(), key.input(), key.preset()));
      if (reference == null) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      entry.getValue().forEach((length, row) -> {
        ResultRow other = reference.get(length);
        if (other != null) {
          cells.add(cell(length, row, other, samples));
        }
      });
      comparisons.put(key, cells);
    }
    Resampler random = new Resampler(settings.seed());
    Map<String, Double> forkVariance = new HashMap<>();
    // forks differ by more in training than in inference: the variance forks add is pooled per quantity and mode
    comparisons.forEach((key, cells) -> forkVariance.computeIfAbsent(key.metric() + "|" + key.mode(),
        group -> ForkVariance.of(comparisons.entrySet().stream()
            .filter(e -> (e.getKey().metric() + "|" + e.getKey().mode()).equals(group))
            .flatMap(e -> e.getValue().stream()).filter(Cell::bothOk).map(Cell::paired).toList(), random)));

    List<TippingPoint> points = new ArrayList<>();
    List<LengthComparison> lengths = new ArrayList<>();
    for (Map.Entry<Key, List<Cell>> entry : comparisons.entrySet()) {
      Key key = entry.getKey();
      List<Cell> cells = entry.getValue().stream().filter(Comparisons::comparable).toList();
      new Comparison(key, cells, forkVariance.getOrDefault(key.metric() + "|" + key.mode(), 0.0), settings, random)
          .run(points, lengths);
    }
    points.sort(Comparator.comparing(TippingPoint::variant).thenComparing(TippingPoint::mode)
        .thenComparing(TippingPoint::metric).thenComparingInt(TippingPoint::batch));
    return new Analysis(points, lengths);
  }

  private static Cell cell(double length, ResultRow variant, ResultRow baseline,
      Function<ResultRow, Optional<Samples>> samples) {
    if (!variant.ok() || !baseline.ok()) {
      return new Cell(length, variant, baseline, null, null, null);
    }
    Samples v = samples.apply(variant).orElseGet(() -> summary(variant));
    Samples b = samples.apply(baseline).orElseGet(() -> summary(baseline));
    return new Cell(length, variant, baseline, v, b, new PairedCell(v, b));
  }

  private static Samples summary(ResultRow row) {
    double low = row.ciLow() == null ? row.value() : row.ciLow();
    double high = row.ciHigh() == null ? row.value() : row.ciHigh();
    return Samples.ofSummary(row.value(), low, high);
  }

  /** Whether a length says something: both measured, or one failed in a way that counts against it. */
  private static boolean comparable(Cell cell) {
    if (cell.bothOk()) {
      return true;
    }
    return (countsAsFailure(cell.variant()) && cell.baseline().ok())
        || (countsAsFailure(cell.baseline()) && cell.variant().ok());
  }

  /** Out of memory counts against a model; so does a timeout, for a quantity of time. */
  private static boolean countsAsFailure(ResultRow row) {
    return PointStatus.OOM.id().equals(row.status())
        || (timeQuantity(row) && PointStatus.TIMEOUT.id().equals(row.status()));
  }

  private static boolean timeQuantity(ResultRow row) {
    return Unit.MILLISECONDS.symbol().equals(row.unit()) || Unit.INPUTS_PER_SECOND.symbol().equals(row.unit());
  }

  /** One variant against its baseline for one quantity, along the lengths. */
  private static final class Comparison {
    private final Key key;
    private final List<Cell> cells;
    private final double forkVariance;
    private final Settings settings;
    private final Resampler random;
    private final double sign;
    private final double[] lengths;
    private final String unit;

    Comparison(Key key, List<Cell> cells, double forkVariance, Settings settings, Resampler random) {
      this.key = key;
      this.cells = cells;
      this.forkVariance = forkVariance;
      this.settings = settings;
      this.random = random;
      ResultRow sample = cells.isEmpty() ? null : cells.get(0).variant();
      this.sign = sample != null && Direction.ofId(sample.better()) == Direction.HIGHER_IS_BETTER ? -1 : 1;
      this.lengths = cells.stream().mapToDouble(Cell::length).toArray();
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
      for (int i = 0; i < n; i++) {
        Cell cell = cells.get(i);
        if (cell.bothOk()) {
          double[] estimate = cell.paired().estimate();
          logRatio[i] = estimate[0] - estimate[1];
          replicateValues[i] = new double[replicates][];
          for (int r = 0; r < replicates; r++) {
            double[] values = cell.paired().replicate(random, forkVariance);
            replicateValues[i][r] = values;
            replicateRatios[i][r] = values[0] - values[1];
          }
        } else {
          double failure = countsAsFailure(cell.variant()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
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
      switch (outcome.kind()) {
        case AT -> {
          int below = outcome.below();
          boolean bisected = cells.get(below).variant().refinement() || cells.get(below + 1).variant().refinement();
          String detail = "worse at " + number(lengths[below]) + ", better from " + number(lengths[below + 1]) + " "
              + unit + " on" + failureNote(cells.get(below)) + failureNote(cells.get(below + 1));
          points.add(point(Verdict.AT, outcome.length(), detail, finite(low), finite(high),
              bisected ? TippingPoint.BISECTED : TippingPoint.INTERPOLATED, similar));
        }
        case FROM_START -> points.add(point(Verdict.FROM_START, Double.NaN, "better at every length from "
            + number(lengths[0]) + " to " + number(lengths[n - 1]) + " " + unit, Double.NaN, finite(high),
            TippingPoint.GRID, similar));
        case NEVER -> points.add(never(replicateValues, low, similar));
      }
    }

    private LengthComparison compare(Cell cell, double logRatio, double[] replicates) {
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
      String failed = cell.bothOk() ? "" : countsAsFailure(cell.variant()) ? "variant " + cell.variant().status()
          : "baseline " + cell.baseline().status();
      return new LengthComparison(key.variant(), key.baseline(), key.metric(), key.mode(), key.batch(), key.input(),
          cell.length(), unit, Math.exp(logRatio), Math.exp(low), Math.exp(high), verdict, failed,
          cell.variant().refinement() || cell.baseline().refinement());
    }

    /** Not better at the largest length: say so, with a crossing the fitted curves predict beyond it, if any. */
    private TippingPoint never(double[][][] replicateValues, double low, String similar) {
      Cell last = cells.get(cells.size() - 1);
      String detail = "not better at the largest length, " + number(last.length()) + " " + unit
          + failureNote(last);
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
      OptionalDouble predicted = variant.get().crossesBelow(baseline.get(), largest, largest * EXTRAPOLATION_LIMIT);
      if (predicted.isEmpty()) {
        return point(Verdict.NEVER_IN_RANGE, Double.NaN, detail + "; the fitted cost curves do not cross within "
            + (long) EXTRAPOLATION_LIMIT + "x of it", finite(low), Double.NaN, TippingPoint.GRID, similar);
      }
      double[] predictions = new double[settings.replicates()];
      for (int r = 0; r < predictions.length; r++) {
        int rep = r;
        Optional<CostModel> v = CostModel.fit(at, costs(fitted, i -> replicateValues[i][rep][0]));
        Optional<CostModel> b = CostModel.fit(at, costs(fitted, i -> replicateValues[i][rep][1]));
        predictions[r] = v.isPresent() && b.isPresent()
            ? v.get().crossesBelow(b.get(), largest, largest * EXTRAPOLATION_LIMIT).orElse(Double.POSITIVE_INFINITY)
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

    private static String failureNote(Cell cell) {
      if (cell.bothOk()) {
        return "";
      }
      return countsAsFailure(cell.variant()) ? " (the variant's point: " + cell.variant().status() + ")"
          : " (the baseline's point: " + cell.baseline().status() + ")";
    }

    private String number(double length) {
      String formatted = Lengths.format(length, unit);
      return unit.isEmpty() ? formatted : formatted.substring(0, formatted.length() - unit.length() - 1);
    }

    private TippingPoint point(Verdict verdict, double length, String detail, double low, double high, String method,
        String similar) {
      return new TippingPoint(key.variant(), key.baseline(), key.metric(), key.mode(), key.batch(), key.input(),
          verdict, length, unit, detail, low, high, method, similar);
    }

    private static double finite(double value) {
      return Double.isFinite(value) ? value : Double.NaN;
    }
  }
}
