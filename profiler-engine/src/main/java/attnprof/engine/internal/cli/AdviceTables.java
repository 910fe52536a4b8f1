package attnprof.engine.internal.cli;

import attnprof.engine.result.Advice;
import attnprof.engine.result.Advice.Estimate;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.result.Lengths;
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

  /**
   * The answer, a sentence per quantity: the best single choice (or those that cannot be told apart), and each
   * routing that saves against it beyond its interval.
   */
  static List<String> answers(LengthDistribution data, List<Advice> advice) {
    List<String> answers = new ArrayList<>();
    byQuantity(advice).values().forEach(members -> {
      Advice first = members.get(0);
      String where = Formats.where(first.mode(), first.batch(), first.input());
      List<Advice.ModelCost> models = new ArrayList<>();
      models.add(first.vanilla());
      members.forEach(a -> models.add(a.efficient()));
      models.sort(Comparator.comparingDouble(m -> m.aggregate().value()));
      Advice.ModelCost best = models.get(0);
      List<String> tied = models.stream().skip(1).filter(m -> m.aggregate().overlaps(best.aggregate()))
          .map(Advice.ModelCost::variant).toList();
      StringBuilder sentence = new StringBuilder("For " + first.metric() + " in " + where + ", run " + best.variant()
          + " (" + first.aggregate() + " " + cost(best.aggregate(), first.costUnit()) + ")" + (tied.isEmpty() ? "" : " or " + String.join(" or ", tied) + " (their " + first.aggregate()
              + " costs cannot be told apart)"));
      for (Advice a : members) {
        // a routing is worth saying when it saves, beyond its interval, against the better of its two models alone
        Advice.Routing routing = a.routing();
        boolean variantBetter = a.efficient().aggregate().value() < a.vanilla().aggregate().value();
        Estimate saving = variantBetter ? routing.savingVsVariant() : routing.savingVsBaseline();
        if (!Double.isNaN(routing.threshold()) && saving.low() > 0) {
          sentence.append("; routing ").append(a.baseline()).append(" below ")
              .append(Lengths.format(routing.threshold(), a.lengthUnit())).append(" and ").append(a.variant())
              .append(" from it saves ").append(percent(saving)).append(" of ")
              .append(variantBetter ? a.variant() : a.baseline()).append(" alone");
        }
      }
      answers.add(sentence + ".");
    });
    return answers;
  }

  static void print(PrintStream out, LengthDistribution data, List<Advice> advice) {
    out.println(Terminal.fit("Dataset: " + data.source() + (data.skipped() == 0 ? "" : " (" + data.skipped()
        + " skipped: not readable as inputs)") + "; " + Lengths.format(data.min(), data.unit()) + " to "
        + Lengths.format(data.max(), data.unit()) + ", median " + Lengths.format(data.median(), data.unit())));
    double outside = advice.get(0).extrapolatedShare();
    if (outside > 0) {
      out.println(Terminal.fit(String.format(Locale.ROOT, "%.0f%%", 100 * outside) + " of the samples lie outside "
          + "the measured lengths: their costs are extrapolated (fitted cost curves), never measured"));
    }
    out.println(Terminal.fit("Costs hold for this machine as it was during the run (a shared machine drifts between "
        + "runs); ratios and savings of models timed side by side hold beyond it."));
    out.println();
    out.println("The answer:");
    answers(data, advice).forEach(answer -> out.println(Terminal.fit("- " + answer)));
    for (List<Advice> members : byQuantity(advice).values()) {
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

  private static Map<String, List<Advice>> byQuantity(List<Advice> advice) {
    return advice.stream().collect(Collectors.groupingBy(a -> a.metric() + "|" + a.mode() + "|" + a.batch() + "|"
        + a.input(), LinkedHashMap::new, Collectors.toList()));
  }

  private static void row(TextTable table, Advice.ModelCost model, String unit, String beyond) {
    table.row(model.variant(), cost(model.perSample(), unit), cost(model.aggregate(), unit),
        cost(model.atMedian(), unit), beyond);
  }

  private static String beyond(Advice a) {
    Estimate share = a.shareBeyondTipping();
    if (Double.isNaN(share.value())) {
      return "no tipping point (" + a.tippingPoint().answer() + ")";
    }
    String interval = Double.isNaN(share.low()) ? "" : " (" + percentNumber(share.low()) + "\u2013"
        + percentNumber(share.high()) + "%)";
    return percentNumber(share.value()) + "%" + interval + " of samples, from " + a.tippingPoint().answer();
  }

  private static String routing(Advice a) {
    Advice.Routing routing = a.routing();
    if (Double.isNaN(routing.threshold())) {
      return "none pays: " + a.baseline() + " for every sample costs least";
    }
    return a.baseline() + " below " + Lengths.format(routing.threshold(), a.lengthUnit()) + ", " + a.variant()
        + " from it on: " + cost(routing.aggregate(), a.costUnit()) + "; saves " + percent(routing.savingVsBaseline())
        + " of " + a.baseline() + " alone, " + percent(routing.savingVsVariant()) + " of " + a.variant() + " alone";
  }

  /** A cost with its interval, in a readable unit: {@code 6.51 s (6.40–6.62)}. */
  static String cost(Estimate estimate, String unit) {
    double scale = 1;
    String shown = unit;
    if (unit.equals("ms") && Math.abs(estimate.value()) >= 1000) {
      scale = 1000;
      shown = "s";
    }
    if (unit.equals("bytes")) {
      return Formats.value(estimate.value(), unit) + " (" + Formats.value(estimate.low(), unit) + "\u2013"
          + Formats.value(estimate.high(), unit) + ")";
    }
    return Formats.significant(estimate.value() / scale) + " " + shown + " ("
        + Formats.significant(estimate.low() / scale) + "\u2013" + Formats.significant(estimate.high() / scale) + ")";
  }

  private static String percent(Estimate share) {
    return percentNumber(share.value()) + "% (" + percentNumber(share.low()) + "\u2013" + percentNumber(share.high())
        + "%)";
  }

  private static String percentNumber(double share) {
    return String.format(Locale.ROOT, "%.0f", 100 * share);
  }
}
