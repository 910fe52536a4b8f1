package attnprof.engine.internal.cli;

import attnprof.engine.result.Advice;
import attnprof.engine.result.Advice.Estimate;
import attnprof.engine.result.AdviceSentences;
import attnprof.engine.result.DatasetAdvice;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.result.Lengths;
import attnprof.engine.result.TimeDrift;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How {@code attnprof advise} says its answer: sentences first, then a table per quantity, or flat figures. */
final class AdviceTables {
  private AdviceTables() {
  }

  /** The dataset as {@code --format json} describes it. */
  record Dataset(String source, double samples, int skipped, String unit, double min, double median, double max) {
  }

  /** The advice as {@code --format json} prints it (and {@code advice.json} holds it): the run, data, answers, figures. */
  static Map<String, Object> document(String runId, DatasetAdvice advice) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("runId", runId);
    document.put("dataset", dataset(advice.lengths()));
    document.put("answers", AdviceSentences.answers(advice.advice()));
    document.put("timeDrift", advice.timeDrift());
    document.put("advice", advice.advice());
    return document;
  }

  /** Writes {@code advice.json} and {@code advice.csv} into a run's folder, as {@code advise} prints them. */
  static void writeFiles(java.nio.file.Path folder, String runId, DatasetAdvice advice) {
    try {
      java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
      OutputFormat.printJson(new PrintStream(json, true, java.nio.charset.StandardCharsets.UTF_8),
          document(runId, advice));
      attnprof.engine.format.AtomicFiles.write(folder.resolve("advice.json"), json.toByteArray());
      attnprof.engine.format.AtomicFiles.write(folder.resolve("advice.csv"), attnprof.engine.format.RecordCsv
          .write(AdviceFigure.class, figures(advice.advice())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw attnprof.api.ProfilerException.user("cannot write the advice to " + folder + ": " + e.getMessage());
    }
  }

  static Dataset dataset(LengthDistribution data) {
    return new Dataset(data.source(), data.count(), data.skipped(), data.unit(), data.min(), data.median(),
        data.max());
  }

  static List<AdviceFigure> figures(List<Advice> advice) {
    List<AdviceFigure> figures = new ArrayList<>();
    for (Advice a : advice) {
      for (Advice.ModelCost model : List.of(a.vanilla(), a.efficient())) {
        add(figures, a, model.variant(), "per_sample", model.perSample(), a.costUnit());
        add(figures, a, model.variant(), a.aggregate(), model.aggregate(), a.costUnit());
        add(figures, a, model.variant(), "at_median", model.atMedian(), a.costUnit());
      }
      add(figures, a, a.variant(), "ratio_at_median", a.ratioAtMedian(), "ratio");
      add(figures, a, "routing", "threshold", new Estimate(a.routing().threshold(), Double.NaN, Double.NaN),
          a.lengthUnit());
      add(figures, a, "routing", a.aggregate(), a.routing().aggregate(), a.costUnit());
      add(figures, a, "routing", "saving_vs_baseline", a.routing().savingVsBaseline(), "share");
      add(figures, a, "routing", "saving_vs_variant", a.routing().savingVsVariant(), "share");
      add(figures, a, a.variant(), "share_beyond_tipping", a.shareBeyondTipping(), "share");
    }
    return figures;
  }

  private static void add(List<AdviceFigure> figures, Advice a, String subject, String figure, Estimate value, String unit) {
    figures.add(new AdviceFigure(a.variant(), a.baseline(), a.metric(), a.mode(), a.batch(), a.input(), subject, figure,
        value.value(), value.low(), value.high(), unit));
  }


  static void print(PrintStream out, DatasetAdvice dataset) {
    LengthDistribution data = dataset.lengths();
    List<Advice> advice = dataset.advice();
    out.println(Terminal.fit("Dataset: " + data.source() + (data.skipped() == 0 ? "" : " (" + data.skipped()
        + " skipped: not readable as inputs)") + "; " + Lengths.format(data.min(), data.unit()) + " to "
        + Lengths.format(data.max(), data.unit()) + ", median " + Lengths.format(data.median(), data.unit())));
    double outside = advice.get(0).extrapolatedShare();
    if (outside > 0) {
      // a few samples of many would read as 0%: they are counted instead
      String share = 100 * outside >= 1 ? String.format(Locale.ROOT, "%.0f%% of the samples", 100 * outside)
          : Math.round(outside * data.count()) + " of " + Math.round(data.count()) + " samples";
      out.println(Terminal.fit(share + " lie outside the measured lengths: their costs are extrapolated (fitted cost "
          + "curves), never measured"));
    }
    if (advice.stream().anyMatch(a -> a.costUnit().equals("ms"))) {
      out.println(Terminal.fit(driftNote(dataset.timeDrift())));
    }
    out.println();
    out.println("The answer:");
    AdviceSentences.answers(advice).forEach(answer -> out.println(Terminal.fit("- " + answer)));
    for (List<Advice> members : AdviceSentences.byQuantity(advice).values()) {
      Advice first = members.get(0);
      out.println();
      out.println(Terminal.fit(first.metric() + " | " + Formats.where(first.mode(), first.batch(), first.input())
          + " | cost per sample and " + first.aggregate() + " over " + Formats.count(Math.round(data.count()))
          + " samples, 95% intervals"));
      TextTable table = new TextTable("VARIANT", "PER SAMPLE", first.aggregate().toUpperCase(Locale.ROOT),
          "AT MEDIAN " + Lengths.format(data.median(), data.unit()), "BEYOND ITS TIPPING POINT").prose(4);
      row(table, first.vanilla(), first.costUnit(), "(baseline)");
      for (Advice a : members) {
        row(table, a.efficient(), a.costUnit(), beyond(a));
      }
      out.print(table.render());
      for (Advice a : members) {
        out.println(Terminal.fit("routing " + a.variant() + ": " + routing(a)));
      }
    }
  }

  private static void row(TextTable table, Advice.ModelCost model, String unit, String beyond) {
    table.row(model.variant(), AdviceSentences.cost(model.perSample(), unit), AdviceSentences.cost(model.aggregate(), unit),
        AdviceSentences.cost(model.atMedian(), unit), beyond);
  }

  private static String beyond(Advice a) {
    Estimate share = a.shareBeyondTipping();
    if (Double.isNaN(share.value())) {
      return "no tipping point (" + a.tippingPoint().answer() + ")";
    }
    String interval = Double.isNaN(share.low()) ? "" : " (" + AdviceSentences.percentNumber(share.low()) + "\u2013"
        + AdviceSentences.percentNumber(share.high()) + "%)";
    return AdviceSentences.percentNumber(share.value()) + "%" + interval + " of samples, from " + a.tippingPoint().answer();
  }

  /** What the intervals of times include that ratios do not. */
  static String driftNote(TimeDrift drift) {
    String basis = drift.repeatedPoints() == 0 ? "a prior; no point of the run was measured in another run here"
        : drift.repeatedPoints() + " point" + (drift.repeatedPoints() == 1 ? "" : "s") + " measured in two or more "
            + "runs on this machine, and a prior of " + Math.round(100 * drift.prior()) + "%";
    return String.format(Locale.ROOT, "Costs are for this machine; intervals of times include how far its times "
        + "drift between runs, %.0f%% (%s), which ratios and savings of models timed side by side do not share.",
        100 * drift.spread(), basis);
  }

  private static String routing(Advice a) {
    Advice.Routing routing = a.routing();
    if (Double.isNaN(routing.threshold())) {
      return "none pays: " + a.vanilla().variant() + " for every sample costs least";
    }
    return a.vanilla().variant() + " below " + Lengths.format(routing.threshold(), a.lengthUnit()) + ", " + a.variant()
        + " from it on: " + AdviceSentences.cost(routing.aggregate(), a.costUnit()) + "; saves " + AdviceSentences.percent(routing.savingVsBaseline())
        + " of " + a.vanilla().variant() + " alone, " + AdviceSentences.percent(routing.savingVsVariant()) + " of " + a.variant() + " alone";
  }



}
