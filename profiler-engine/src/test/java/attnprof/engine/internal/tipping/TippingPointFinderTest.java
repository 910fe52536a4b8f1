package attnprof.engine.internal.tipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.engine.result.ResultRow;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.result.TippingPoint.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Also lends its rows to other packages' tests. */
public class TippingPointFinderTest {
  private final TippingPointFinder finder = new TippingPointFinder();

  @Test
  void interpolatesWhereTheLogRatioCrossesZeroAlongAQuadraticInLogLength() {
    // the variant is 2x, 1.2x and 0.77x the baseline at 100, 200 and 400 tokens
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "latency", "ms", "lower", new double[] {100, 200, 400}, 10, 25, 65));
    rows.addAll(series("text/longformer", "text/bert", "latency", "ms", "lower", new double[] {100, 200, 400}, 20, 30, 50));

    TippingPoint point = finder.find(figures(rows)).get(0);

    assertThat(point.verdict()).isEqualTo(Verdict.AT);
    // the quadratic through (ln n, ln ratio) at the three lengths crosses zero at 262.49 (numpy.polyfit, roots)
    assertThat(point.length()).isCloseTo(262.49, within(0.01));
    assertThat(point.answer()).isEqualTo("262 tokens");
    assertThat(point.method()).isEqualTo(TippingPoint.INTERPOLATED);
  }

  /**
   * Training FLOPs of the default text run: Longformer pads every input to a multiple of its window, so its ratio is
   * a step (1.11 at 362 tokens, 0.97 at 512) that the local quadratic crosses only at 531, beyond the first length it
   * is better at. The estimate keeps to the lengths the verdicts bracket, and so does its interval: it had read
   * "512 (95%: 531-531)", an estimate outside its own interval.
   */
  @Test
  void aCrossingTheFitPutsBeyondTheBracketOfTheVerdictsIsThatBracketNotAnIntervalOutsideTheEstimate() {
    double[] lengths = {128, 256, 362, 512, 724, 1024, 2048};
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "flops", "FLOP", "lower", lengths, 1, 1, 1, 1, 1, 1, 1));
    rows.addAll(series("text/longformer", "text/bert", "flops", "FLOP", "lower", lengths, 1.1897, 1.1077, 1.1091,
        0.9698, 0.9316, 0.7752, 0.5529));

    TippingPoint point = finder.find(figures(rows)).get(0);

    assertThat(point.verdict()).isEqualTo(Verdict.AT);
    assertThat(point.length()).isEqualTo(512);
    assertThat(point.ciLow()).isEqualTo(362);
    assertThat(point.ciHigh()).isEqualTo(512);
  }

  @Test
  void aVariantMustStayBetterToTheEndOfTheGrid() {
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "latency", "ms", "lower", new double[] {1, 2, 3, 4}, 10, 10, 10, 10));
    rows.addAll(series("text/x", "text/bert", "latency", "ms", "lower", new double[] {1, 2, 3, 4}, 5, 12, 8, 9));

    TippingPoint point = finder.find(figures(rows)).get(0);

    // better at 1, worse at 2, better from 3 on; the local quadratic has no root between 2 and 3, so the
    // straight line in log length between ln(1.2) at 2 and ln(0.8) at 3 gives exp(ln 2 + ln 1.5 * 0.4496) = 2.40
    assertThat(point.verdict()).isEqualTo(Verdict.AT);
    assertThat(point.length()).isCloseTo(2.40, within(0.005));
  }

  @Test
  void higherIsBetterForThroughput() {
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "throughput", "inputs/s", "higher", new double[] {1, 2}, 100, 50));
    rows.addAll(series("text/x", "text/bert", "throughput", "inputs/s", "higher", new double[] {1, 2}, 120, 60));

    assertThat(finder.find(figures(rows)).get(0).verdict()).isEqualTo(Verdict.FROM_START);
  }

  @Test
  void neverInRangeWhenWorseAtTheLargestLength() {
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "latency", "ms", "lower", new double[] {1, 2}, 1, 2));
    rows.addAll(series("text/x", "text/bert", "latency", "ms", "lower", new double[] {1, 2}, 0.5, 3));

    TippingPoint point = finder.find(figures(rows)).get(0);
    assertThat(point.verdict()).isEqualTo(Verdict.NEVER_IN_RANGE);
    assertThat(point.answer()).isEqualTo("never in range");
  }

  @Test
  void aBaselineOutOfMemoryMakesTheVariantBetterThere() {
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "peak_memory.allocator", "bytes", "lower", new double[] {1, 2}, 10, Double.NaN));
    rows.addAll(series("text/x", "text/bert", "peak_memory.allocator", "bytes", "lower", new double[] {1, 2}, 20, 30));

    TippingPoint point = finder.find(figures(rows)).get(0);
    assertThat(point.verdict()).isEqualTo(Verdict.AT);
    assertThat(point.length()).isEqualTo(2);
  }

  @Test
  void aTimeoutCountsAgainstTimeButIsUnknownForMemory() {
    List<ResultRow> rows = new ArrayList<>();
    rows.add(row("text/bert", "", "latency", "ms", "lower", 1, null, "timeout"));
    rows.add(row("text/x", "text/bert", "latency", "ms", "lower", 1, 5.0, "ok"));
    rows.add(row("text/bert", "", "peak_memory.rss", "bytes", "lower", 1, null, "timeout"));
    rows.add(row("text/x", "text/bert", "peak_memory.rss", "bytes", "lower", 1, 5.0, "ok"));

    List<TippingPoint> points = finder.find(figures(rows));
    assertThat(points).extracting(TippingPoint::metric, TippingPoint::verdict).containsExactly(
        org.assertj.core.groups.Tuple.tuple("latency", Verdict.FROM_START),
        org.assertj.core.groups.Tuple.tuple("peak_memory.rss", Verdict.NO_DATA));
  }

  @Test
  void beyondTheGridFittedCostCurvesPredictACrossingLabelledExtrapolated() {
    // the baseline costs 2 + 0.01 n + 0.000002 n^2, the variant 5 + 0.02 n: the variant is worse up to 2048
    // and the curves cross where 0.000002 n^2 - 0.01 n - 3 = 0, at n = (0.01 + sqrt(0.0001 + 0.000024)) / 0.000004
    double[] lengths = {128, 256, 512, 1024, 2048};
    double[] baseline = new double[lengths.length];
    double[] variant = new double[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      double n = lengths[i];
      baseline[i] = 2 + 0.01 * n + 0.000002 * n * n;
      variant[i] = 5 + 0.02 * n;
    }
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "latency", "ms", "lower", lengths, baseline));
    rows.addAll(series("text/x", "text/bert", "latency", "ms", "lower", lengths, variant));

    TippingPoint point = finder.find(figures(rows)).get(0);

    double expected = (0.01 + Math.sqrt(0.0001 + 0.000024)) / 0.000004;
    assertThat(point.verdict()).isEqualTo(Verdict.NEVER_IN_RANGE);
    assertThat(point.method()).isEqualTo(TippingPoint.EXTRAPOLATED);
    assertThat(point.length()).isCloseTo(expected, within(expected * 1e-3));
    assertThat(point.answer()).isEqualTo("never in range; predicted at about " + Math.round(expected)
        + " tokens (extrapolated)");
  }

  @Test
  void aCostCurveTheQuadraticCannotFollowIsNotExtrapolated() {
    double[] lengths = {128, 256, 512, 1024, 2048};
    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(series("text/bert", "", "latency", "ms", "lower", lengths, 10, 40, 10, 40, 30));
    rows.addAll(series("text/x", "text/bert", "latency", "ms", "lower", lengths, 20, 50, 20, 50, 40));

    TippingPoint point = finder.find(figures(rows)).get(0);

    assertThat(point.verdict()).isEqualTo(Verdict.NEVER_IN_RANGE);
    assertThat(point.method()).isEqualTo(TippingPoint.GRID);
    assertThat(point.detail()).contains("too poor to extrapolate (largest residual");
  }

  @Test
  void eachLengthGetsAVerdictFromItsIntervalAndTheNoiseThreshold() {
    List<ResultRow> rows = new ArrayList<>();
    // intervals of the median from the rows: +-0.5% at every length
    for (double length : new double[] {1, 2, 3}) {
      rows.add(withInterval(row("text/bert", "", "latency", "ms", "lower", length, 100.0, "ok"), 0.005));
    }
    rows.add(withInterval(row("text/x", "text/bert", "latency", "ms", "lower", 1, 120.0, "ok"), 0.005));
    rows.add(withInterval(row("text/x", "text/bert", "latency", "ms", "lower", 2, 101.0, "ok"), 0.005));
    rows.add(withInterval(row("text/x", "text/bert", "latency", "ms", "lower", 3, 80.0, "ok"), 0.005));

    var analysis = attnprof.engine.internal.stats.Comparisons.analyse(figures(rows), row -> java.util.Optional.empty(),
        attnprof.engine.internal.stats.Comparisons.Settings.DEFAULT);

    assertThat(analysis.comparisons()).extracting(attnprof.engine.result.LengthComparison::verdict)
        .containsExactly("worse", "indistinguishable", "better");
    assertThat(analysis.comparisons().get(1).ratio()).isCloseTo(1.01, within(1e-9));
    assertThat(analysis.tippingPoints().get(0).indistinguishable()).isEqualTo("2 tokens");
  }

  /**
   * The tipping point of text/x against a baseline of 100 ms at lengths 1, 2, ..., text/x's medians as given; every
   * median's interval +-{@code relative}.
   */
  private TippingPoint against100(double relative, double... variant) {
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 0; i < variant.length; i++) {
      rows.add(withInterval(row("text/bert", "", "latency", "ms", "lower", i + 1, 100.0, "ok"), relative));
      rows.add(withInterval(row("text/x", "text/bert", "latency", "ms", "lower", i + 1, variant[i], "ok"), relative));
    }
    return finder.analyse(figures(rows), List.of(), attnprof.engine.internal.stats.Comparisons.Settings.DEFAULT)
        .tippingPoints().get(0);
  }

  @Test
  void aVariantEqualToItsBaselineWithinNoiseAtEveryLengthGetsNoLengthWhateverItsPointEstimates() {
    // point estimates 0.94 and 0.99 of the baseline (as a mixer swept against speech/brq-mhsa once read "from the
    // start"), each with an interval reaching into 1 +- 2%
    TippingPoint point = against100(0.05, 94, 99);

    assertThat(point.verdict()).isEqualTo(Verdict.INDISTINGUISHABLE);
    assertThat(point.length()).isNaN();
    assertThat(point.ciLow()).isNaN();
    assertThat(point.ciHigh()).isNaN();
    assertThat(point.answerWithInterval()).isEqualTo("indistinguishable over 1\u20132 tokens");
    assertThat(point.detail()).isEqualTo("indistinguishable at 1\u20132 tokens");
    assertThat(point.sentence()).isEqualTo("In inference, no difference between text/x and text/bert in latency can "
        + "be told apart over 1\u20132 tokens.");
  }

  @Test
  void theWordingOfAnAnswerIsTheVerdictsOfTheLengthsRunByRun() {
    // worse at 1, indistinguishable at 2 (its point estimate worse), better at 3 and 4
    TippingPoint point = against100(0.005, 130, 101, 80, 60);

    assertThat(point.verdict()).isEqualTo(Verdict.AT);
    assertThat(point.detail()).isEqualTo("worse at 1, indistinguishable at 2, better from 3 tokens on");
    assertThat(point.sentence()).startsWith("In inference, text/x is faster than text/bert from about ")
        .endsWith(" on; no difference can be told apart at 2 tokens.");
    // the point estimates cross between 2 and 3: inside the lengths the verdicts bracket
    assertThat(point.length()).isBetween(2.0, 3.0);
  }

  @Test
  void neverWorseButIndistinguishableBeforeItIsBetterFromTheFirstLengthItStaysBetterReadOffTheGrid() {
    TippingPoint point = against100(0.005, 101, 70, 50);

    assertThat(point.verdict()).isEqualTo(Verdict.AT);
    assertThat(point.length()).isEqualTo(2.0);
    assertThat(point.method()).isEqualTo(TippingPoint.GRID);
    assertThat(point.detail()).isEqualTo("indistinguishable at 1, better from 2 tokens on");
  }

  public static List<attnprof.engine.result.Figure> figures(List<ResultRow> rows) {
    return rows.stream().map(ResultRow::toFigure).toList();
  }

  private static ResultRow withInterval(ResultRow row, double relative) {
    return new ResultRow(row.runId(), row.variant(), row.baseline(), row.modality(), row.preset(), row.input(),
        row.length(), row.lengthUnit(), row.batch(), row.mode(), row.device(), row.metric(), row.value(), row.unit(),
        row.direction(), row.runs(), row.p10(), row.p90(), row.mad(), row.value() * (1 - relative),
        row.value() * (1 + relative), row.spread(), row.status(), row.message(), row.parameters(), row.notes(),
        row.refinement(), row.cpuModel(), row.cpuCores(), row.memoryBytes(), row.jdk(), row.tensorflow());
  }

  private static List<ResultRow> series(String variant, String baseline, String metric, String unit, String better,
      double[] lengths, double... values) {
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      boolean oom = Double.isNaN(values[i]);
      rows.add(row(variant, baseline, metric, unit, better, lengths[i], oom ? null : values[i], oom ? "oom" : "ok"));
    }
    return rows;
  }

  public static ResultRow row(String variant, String baseline, String metric, String unit, String better, double length,
      Double value, String status) {
    return new ResultRow("run", variant, baseline, "text", "tiny", "synthetic", length, "tokens", 1, "inference", "cpu",
        metric, value, unit, better, 3, value, value, 0.0, value, value, 0.0, status, "", 0, "", false, "cpu", 2, 0,
        "17", "2.18");
  }
}
