package attnprof.engine.internal.report;

import attnprof.engine.result.Lengths;
import attnprof.engine.result.Breakdowns;
import attnprof.api.model.Component;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.result.Figure;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.RunEnvironment;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.result.AchievedRates;
import attnprof.engine.format.RecordCsv;
import java.lang.reflect.RecordComponent;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a run as one self-contained HTML page: the environment, the tipping points, the
 * charts (PNG embedded in the page, SVG beside it), the component breakdown, the failed points and
 * the raw rows. No script, no style sheet or font from elsewhere: it reads offline. Every string that
 * came from a plugin, an input file or a measurement is escaped.
 */
final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;\
      padding:0 1rem;color:#222}
      h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
      th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
      th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
      figure{margin:1rem 0;display:inline-block;width:49%;min-width:520px;vertical-align:top}
      figure img{width:100%;height:auto;border:1px solid #eee}figcaption{font-size:.8rem;color:#555}
      .bad{color:#b00}.note{color:#555;font-size:.85rem}details{margin:1rem 0}
      """;

  private HtmlReport() {
  }

  /**
   * The page, with the charts given as their PNG bytes by chart name; with {@code other} (nullable), the tipping
   * points of another run of the same variants against another form of their baseline beside this run's.
   */
  static String render(SweepResult result, attnprof.engine.result.DatasetAdvice dataset, SweepResult other,
      List<Charts.Chart> charts, Map<String, byte[]> pngs) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>attnprof report: ").append(Html.escape(result.runId())).append("</title>")
        .append("<style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>attnprof report: ").append(Html.escape(result.runId())).append("</h1>\n");
    answer(html, dataset, result.tippingPoints());
    html.append("<p>Started ").append(Html.escape(result.startedAt())).append(", last point ")
        .append(Html.escape(result.finishedAt())).append(". ").append(result.points().size()).append(" points")
        .append(result.complete() ? "." : ", <strong class=\"bad\">partial</strong>: resume it with "
            + "<code>attnprof sweep --resume " + Html.escape(result.runId()) + "</code>.")
        .append("</p>\n");
    streamingNote(html, result.figures());
    tippingPoints(html, result.tippingPoints());
    gaps(html, attnprof.engine.result.TippingGaps.sentences(result));
    BaselinesSection.append(html, result, other);
    charts(html, charts, pngs);
    comparisons(html, result.comparisons());
    achievedRates(html, result.figures());
    breakdown(html, result.figures(), attnprof.engine.result.Roofline.Roofs.of(result.environment()).orElse(null));
    failures(html, result.points());
    environment(html, result.environment());
    rows(html, result.rows());
    html.append("</body></html>\n");
    return html.toString();
  }

  /**
   * The answer first: with a dataset, what to run on it; then a sentence per efficient variant and quantity.
   */
  private static void answer(StringBuilder html, attnprof.engine.result.DatasetAdvice dataset,
      List<TippingPoint> points) {
    List<String> sentences = new java.util.ArrayList<>();
    if (dataset != null) {
      var lengths = dataset.lengths();
      sentences.add("On your data (" + lengths.source() + ", median " + Lengths.format(lengths.median(),
          lengths.unit()) + "):");
      sentences.addAll(attnprof.engine.result.AdviceSentences.answers(dataset.advice()));
    }
    points.forEach(point -> sentences.add(point.sentence()));
    html.append("<p id=\"answer\">");
    if (sentences.isEmpty()) {
      html.append("No efficient variant was measured with its baseline: there is no answer to give.");
    }
    for (int i = 0; i < sentences.size(); i++) {
      html.append(i == 0 ? "" : "<br>\n").append(Html.escape(sentences.get(i)));
    }
    html.append("</p>\n");
  }

  private static final java.util.Set<String> SHOWN_ABOVE = java.util.Set.of("cpu_model", "cpu_cores", "memory_bytes");

  private static void environment(StringBuilder html, RunEnvironment environment) {
    html.append("<h2 id=\"environment\">Environment</h2>\n<table id=\"environment-table\">");
    row(html, "CPU", environment.cpuModel() + " (" + environment.cpuCores() + " cores)");
    row(html, "memory", String.format(Locale.ROOT, "%.1f GiB", environment.memoryBytes() / (1024.0 * 1024 * 1024)));
    row(html, "operating system", environment.os());
    row(html, "Java", environment.jdk());
    row(html, "TensorFlow", environment.tensorflow());
    row(html, "attnprof", environment.attnprof());
    row(html, "device", environment.device());
    // the device's own facts, less those the rows above show already (the CPU's model, cores and memory)
    environment.deviceFacts().forEach((name, value) -> {
      if (!SHOWN_ABOVE.contains(name)) {
        row(html, name, value);
      }
    });
    html.append("</table>\n");
  }

  /** When the run has points of the streaming mode: what their lengths and quantities mean. */
  private static void streamingNote(StringBuilder html, List<Figure> figures) {
    if (figures.stream().noneMatch(figure -> figure.mode() == attnprof.api.Mode.STREAMING)) {
      return;
    }
    html.append("<h2 id=\"streaming\">Streaming</h2>\n<p class=\"note\">Points of the <em>streaming</em> mode "
        + "measure one chunk of a live stream in steady state: the encoder runs a chunk with the state the chunks "
        + "before it left (attention's cache of the left context's keys and values, SummaryMixing's running sums, "
        + "the causal convolution's last frames) and replaces it. Their <strong>length is the left context</strong> "
        + "(seconds of history kept), so a tipping point of the mode is the left context from which the efficient "
        + "variant is cheaper per chunk. <code>latency</code> is the median chunk, <code>latency.p99</code> its "
        + "tail; <code>real_time_factor</code> is a chunk's compute time over the chunk's audio (below 1 keeps up "
        + "with a live stream); <code>state_memory</code> is the bytes carried from chunk to chunk. Points of the "
        + "other modes run whole utterances, their length the utterance's.</p>\n");
  }

  private static void row(StringBuilder html, String name, Object value) {
    html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
        .append("</td></tr>");
  }

  private static void tippingPoints(StringBuilder html, List<TippingPoint> points) {
    html.append("<h2 id=\"tipping-points\">Tipping points</h2>\n<p class=\"note\">The length from which the "
        + "efficient variant stays better than its baseline, with its 95% interval (from resampling every fork's "
        + "runs), claimed only where the verdicts of the lengths around it say the variant goes from worse to better: "
        + "<em>interpolated</em> between grid lengths, <em>bisected</em> between lengths added to narrow it "
        + "down, or <em>extrapolated</em> from cost curves fitted beyond the grid (never measured).</p>\n");
    if (points.isEmpty()) {
      html.append("<p>None: no efficient variant was measured with its baseline.</p>\n");
      return;
    }
    html.append("<table id=\"tipping-table\"><tr><th>variant</th><th>baseline</th><th>metric</th><th>mode</th>")
        .append("<th>batch</th><th>input</th><th>tipping point</th><th>95% interval</th><th>method</th>")
        .append("<th>how</th></tr>\n");
    for (TippingPoint point : points) {
      html.append("<tr><td>").append(Html.escape(point.variant())).append("</td><td>")
          .append(Html.escape(point.baselineLabel())).append("</td><td>").append(Html.escape(point.metric()))
          .append("</td><td>").append(Html.escape(point.mode())).append("</td><td class=\"n\">").append(point.batch())
          .append("</td><td>").append(Html.escape(point.input())).append("</td><td>")
          .append(Html.escape(point.answer())).append("</td><td>").append(Html.escape(point.interval()))
          .append("</td><td>").append(Html.escape(point.method())).append("</td><td>").append(Html.escape(point.detail()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** Why each latency tipping point is not the FLOP one, beside the tipping points. */
  private static void gaps(StringBuilder html, List<String> sentences) {
    if (sentences.isEmpty()) {
      return;
    }
    html.append("<h3 id=\"gaps\">Why latency tips elsewhere than FLOPs</h3>\n<ul id=\"gap-list\">");
    sentences.forEach(sentence -> html.append("<li>").append(Html.escape(sentence)).append("</li>"));
    html.append("</ul>\n");
  }

  private static void comparisons(StringBuilder html, List<LengthComparison> comparisons) {
    html.append("<h2 id=\"comparisons\">Each length</h2>\n<p class=\"note\">Each efficient variant against its "
        + "baseline: the ratio variant / baseline and its 95% interval; <em>indistinguishable</em> when the interval "
        + "reaches into 1 plus or minus the noise threshold.</p>\n");
    if (comparisons.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<table id=\"comparison-table\"><tr><th>variant</th><th>metric</th><th>mode</th><th>batch</th>")
        .append("<th>length</th><th>ratio</th><th>95% interval</th><th>verdict</th></tr>\n");
    for (LengthComparison comparison : comparisons) {
      html.append("<tr><td>").append(Html.escape(comparison.variant())).append("</td><td>")
          .append(Html.escape(comparison.metric())).append("</td><td>").append(Html.escape(comparison.mode()))
          .append("</td><td class=\"n\">").append(comparison.batch()).append("</td><td class=\"n\">")
          .append(Html.escape(Lengths.format(comparison.length(), comparison.lengthUnit())
              + (comparison.refinement() ? " (added)" : ""))).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f", comparison.ratio())).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f\u2013%.3f", comparison.ciLow(), comparison.ciHigh()))
          .append("</td><td>").append(Html.escape(comparison.failed().isEmpty() ? comparison.verdict()
              : comparison.verdict() + " (" + comparison.failed() + ")")).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void achievedRates(StringBuilder html, List<Figure> figures) {
    List<AchievedRates.Rate> rates = AchievedRates.of(figures);
    if (rates.isEmpty()) {
      return;
    }
    html.append("<h2 id=\"achieved-rates\">Achieved GFLOP/s</h2>\n<p class=\"note\">Each point's counted FLOPs "
        + "over its median latency at batch 1: derived from two measured figures, not a measurement of its own. An "
        + "efficient variant far below its baseline's rate pays for its implementation, not only its "
        + "architecture.</p>\n");
    html.append("<table id=\"rate-table\"><tr><th>variant</th><th>mode</th><th>length</th><th>GFLOP</th>")
        .append("<th>latency</th><th>GFLOP/s</th><th>of the baseline's</th></tr>\n");
    for (AchievedRates.Rate rate : rates) {
      html.append("<tr><td>").append(Html.escape(rate.variant())).append("</td><td>").append(Html.escape(rate.mode()))
          .append("</td><td class=\"n\">").append(Html.escape(Lengths.format(rate.length(),
              rate.lengthUnit()))).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f", rate.flops() / 1e9)).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f ms", rate.latencyMillis())).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.1f", rate.gflopsPerSecond())).append("</td><td class=\"n\">")
          .append(Double.isNaN(rate.baselineGflops()) ? ""
              : String.format(Locale.ROOT, "%.0f%%", 100 * rate.ofBaseline())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void charts(StringBuilder html, List<Charts.Chart> charts, Map<String, byte[]> pngs) {
    html.append("<h2 id=\"charts\">Charts</h2>\n");
    for (Charts.Chart chart : charts) {
      byte[] png = pngs.get(chart.name());
      html.append("<figure><img class=\"chart\" alt=\"").append(Html.escape(chart.title()))
          .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
          .append("\"><figcaption>").append(Html.escape(chart.title())).append(" (<a href=\"charts/")
          .append(Html.escape(chart.name())).append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
  }

  private static void breakdown(StringBuilder html, List<Figure> figures, attnprof.engine.result.Roofline.Roofs roofs) {
    List<Breakdowns.Entry> entries = Breakdowns.of(figures);
    html.append("<h2 id=\"breakdown\">Where the time goes</h2>\n");
    if (entries.isEmpty()) {
      html.append("<p>The breakdown metric was not measured.</p>\n");
      return;
    }
    html.append("<p class=\"note\">Each op's share of one traced step's wall time, summed by component, and "
        + "the component's counted FLOPs over that time (derived): a model whose mixer is cheap can still run at a "
        + "low rate overall when a slower component dominates its step. <em>unscoped</em> is the part of "
        + "<em>other</em> in ops with no component scope."
        + (roofs == null ? "" : " Each rate's share of the matrix-multiply peak this run measured ("
        + String.format(Locale.ROOT, "%.0f GFLOP/s", roofs.peakGflops()) + ") and its arithmetic intensity (FLOPs per "
        + "byte its ops read and write) place it on the roofline chart.") + "</p>\n");
    html.append("<table id=\"breakdown-table\"><tr><th>variant</th><th>length</th><th>mode</th><th>batch</th>");
    for (Component component : Component.values()) {
      html.append("<th>").append(component.scopeName()).append("</th>");
    }
    html.append("<th>busy time</th><th>unscoped</th><th>GFLOP</th></tr>\n");
    for (Breakdowns.Entry entry : entries) {
      html.append("<tr><td>").append(Html.escape(entry.variant())).append("</td><td class=\"n\">")
          .append(Html.escape(Lengths.format(entry.length(), entry.lengthUnit()))).append("</td><td>")
          .append(Html.escape(entry.mode())).append("</td><td class=\"n\">").append(entry.batch()).append("</td>");
      for (Component component : Component.values()) {
        double rate = entry.gflopsPerSecond(component);
        html.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%.2f ms (%.0f%%)",
            entry.millis().get(component), entry.shares().get(component)))
            .append(Double.isNaN(rate) ? "" : String.format(Locale.ROOT, "<br>%.0f GFLOP/s", rate))
            .append(Double.isNaN(rate) || roofs == null ? "" : String.format(Locale.ROOT, "<br>%.0f%% of peak, %.2g "
                + "FLOP/B", 100 * rate / roofs.peakGflops(), entry.intensity(component))).append("</td>");
      }
      html.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%.2f ms", entry.totalMillis()))
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f%%", entry.unscopedShare()))
          .append("</td><td class=\"n\">")
          .append(entry.flops().map(f -> String.format(Locale.ROOT, "%.2f", f / 1e9)).orElse("")).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void failures(StringBuilder html, List<PointResult> points) {
    List<PointResult> failed = points.stream().filter(p -> p.status() != PointStatus.OK).toList();
    html.append("<h2 id=\"failures\">Points that did not end ok</h2>\n");
    if (failed.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<table><tr><th>variant</th><th>length</th><th>mode</th><th>batch</th><th>status</th>")
        .append("<th>why</th></tr>\n");
    for (PointResult point : failed) {
      html.append("<tr><td>").append(Html.escape(point.variant())).append("</td><td class=\"n\">")
          .append(Html.escape(Lengths.format(point.length(), point.lengthUnit()))).append("</td><td>")
          .append(Html.escape(point.mode().id())).append("</td><td class=\"n\">").append(point.batch())
          .append("</td><td class=\"bad\">").append(Html.escape(point.status().id())).append("</td><td>")
          .append(Html.escape(point.message())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void rows(StringBuilder html, List<ResultRow> rows) {
    html.append("<h2 id=\"rows\">Raw rows</h2>\n<details><summary>").append(rows.size())
        .append(" rows, as in results.csv</summary>\n<table id=\"rows-table\"><tr>");
    RecordComponent[] columns = ResultRow.class.getRecordComponents();
    for (RecordComponent column : columns) {
      html.append("<th>").append(Html.escape(column.getName())).append("</th>");
    }
    html.append("</tr>\n");
    for (ResultRow row : rows) {
      html.append("<tr>");
      for (Object value : RecordCsv.values(row)) {
        html.append(value instanceof Number ? "<td class=\"n\">" : "<td>").append(Html.escape(value == null ? "" : value))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table></details>\n");
  }
}
