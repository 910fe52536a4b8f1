package attnprof.engine.internal.stats;

import attnprof.engine.result.Advice;
import attnprof.engine.result.LengthDistribution;
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

  record Key(String variant, String baseline, String metric, String mode, int batch, String input,
      String preset) {
  }

  /** One length of a comparison: both sides' figures, and their readings when known. */
  record Cell(double length, Figure variant, Figure baseline, Samples variantSamples,
      Samples baselineSamples, PairedCell paired) {
    boolean bothOk() {
      return paired != null;
    }
  }

  /**
   * @param rows every figure of a run
   * @param samples the readings behind a figure, by fork, when its point's forks are known; else the
   *     figure's summary is resampled
   */
  public static Analysis analyse(List<Figure> rows, Function<Figure, Optional<Samples>> samples,
      Settings settings) {
    Grouped grouped = group(rows, samples, settings);
    List<TippingPoint> points = new ArrayList<>();
    List<LengthComparison> lengths = new ArrayList<>();
    grouped.comparisons().forEach((key, cells) -> grouped.comparison(key, settings).run(points, lengths));
    points.sort(Comparator.comparing(TippingPoint::variant).thenComparing(TippingPoint::mode)
        .thenComparing(TippingPoint::metric).thenComparingInt(TippingPoint::batch));
    return new Analysis(points, lengths);
  }

  /**
   * What each comparison's two models cost on a dataset (see {@link Advice}), in the order of the comparisons;
   * comparisons with fewer than two lengths where both were measured are left out. {@code drift}: how far the
   * machine's times move between runs.
   */
  public static List<Advice> advise(List<Figure> rows, Function<Figure, Optional<Samples>> samples,
      RunDrift drift, Settings settings, LengthDistribution data) {
    Grouped grouped = group(rows, samples, settings);
    List<Advice> advice = new ArrayList<>();
    grouped.comparisons().forEach((key, cells) -> {
      List<TippingPoint> points = new ArrayList<>();
      grouped.comparison(key, settings).run(points, new ArrayList<>());
      Advisor.advise(key, cells, points.get(0), grouped.forkVariance(key), drift, settings, data)
          .ifPresent(advice::add);
    });
    return advice;
  }

  /** Each comparison's comparable lengths, and the variance forks add, pooled per quantity and mode. */
  private record Grouped(Map<Key, List<Cell>> comparisons, Map<String, EstimatedVariance> forkVariances,
      Resampler random) {
    EstimatedVariance forkVariance(Key key) {
      return forkVariances.getOrDefault(key.metric() + "|" + key.mode(), EstimatedVariance.NONE);
    }

    Comparison comparison(Key key, Settings settings) {
      return new Comparison(key, comparisons.get(key), forkVariance(key), settings, random);
    }
  }

  private static Grouped group(List<Figure> rows, Function<Figure, Optional<Samples>> samples, Settings settings) {
    Map<Key, Map<Double, Figure>> efficient = new LinkedHashMap<>();
    Map<Key, Map<Double, Figure>> baselines = new HashMap<>();
    for (Figure row : rows) {
      if (!row.direction().ranked()) {
        continue;
      }
      if (!row.baseline().isEmpty()) {
        efficient.computeIfAbsent(new Key(row.variant(), row.baseline(), row.metric(), row.mode().id(), row.batch(),
            row.input(), row.preset()), k -> new TreeMap<>()).put(row.length(), row);
      }
      baselines.computeIfAbsent(new Key(row.variant(), "", row.metric(), row.mode().id(), row.batch(), row.input(),
          row.preset()), k -> new TreeMap<>()).put(row.length(), row);
    }
    Map<Key, List<Cell>> comparisons = new LinkedHashMap<>();
    for (Map.Entry<Key, Map<Double, Figure>> entry : efficient.entrySet()) {
      Key key = entry.getKey();
      Map<Double, Figure> reference = baselines.get(new Key(key.baseline(), "", key.metric(), key.mode(),
          key.batch(), key.input(), key.preset()));
      if (reference == null) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      entry.getValue().forEach((length, row) -> {
        Figure other = reference.get(length);
        if (other != null) {
          cells.add(cell(length, row, other, samples));
        }
      });
      comparisons.put(key, cells);
    }
    Resampler random = new Resampler(settings.seed());
    Map<String, EstimatedVariance> forkVariance = new HashMap<>();
    // forks differ by more in training than in inference: the variance forks add is pooled per quantity and mode
    comparisons.forEach((key, cells) -> forkVariance.computeIfAbsent(key.metric() + "|" + key.mode(),
        group -> {
          List<Cell> measured = comparisons.entrySet().stream()
              .filter(e -> (e.getKey().metric() + "|" + e.getKey().mode()).equals(group))
              .flatMap(e -> e.getValue().stream()).filter(Cell::bothOk).toList();
          return ForkVariance.of(measured.stream().map(Cell::paired).toList(), random,
              !measured.isEmpty() && timeQuantity(measured.get(0).variant()));
        }));
    Map<Key, List<Cell>> comparable = new LinkedHashMap<>();
    comparisons.forEach((key, cells) -> comparable.put(key, cells.stream().filter(Comparisons::comparable).toList()));
    return new Grouped(comparable, forkVariance, random);
  }

  private static Cell cell(double length, Figure variant, Figure baseline,
      Function<Figure, Optional<Samples>> samples) {
    if (!variant.ok() || !baseline.ok()) {
      return new Cell(length, variant, baseline, null, null, null);
    }
    Samples v = samples.apply(variant).orElseGet(() -> summary(variant));
    Samples b = samples.apply(baseline).orElseGet(() -> summary(baseline));
    return new Cell(length, variant, baseline, v, b, new PairedCell(v, b));
  }

  private static Samples summary(Figure figure) {
    return Samples.ofSummary(figure.value(), figure.ciLow(), figure.ciHigh());
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
  static boolean countsAsFailure(Figure figure) {
    return figure.status() == PointStatus.OOM || (timeQuantity(figure) && figure.status() == PointStatus.TIMEOUT);
  }

  /** Whether a figure is a measured time: a latency, or a throughput (its inverse). */
  static boolean timeQuantity(Figure figure) {
    Unit unit = figure.quantity().unit();
    return unit.equals(Unit.MILLISECONDS) || unit.equals(Unit.INPUTS_PER_SECOND);
  }
}
