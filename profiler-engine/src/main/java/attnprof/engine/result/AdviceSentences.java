package attnprof.engine.result;

import attnprof.engine.result.Advice.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The answer {@code attnprof advise} gives, in sentences and the figures they quote: the same in every output. */
public final class AdviceSentences {
  private AdviceSentences() {
  }

  /**
   * The answer, a sentence per quantity: the best single choice (or those that cannot be told apart), and each
   * routing that saves against it beyond its interval.
   */
  public static List<String> answers(List<Advice> advice) {
    List<String> answers = new ArrayList<>();
    byQuantity(advice).values().forEach(members -> {
      Advice first = members.get(0);
      String where = where(first);
      List<Advice.ModelCost> models = new ArrayList<>();
      models.add(first.vanilla());
      members.forEach(a -> models.add(a.efficient()));
      models.sort(Comparator.comparingDouble(m -> m.aggregate().value()));
      Advice.ModelCost best = models.get(0);
      List<String> tied = models.stream().skip(1).filter(m -> m.aggregate().overlaps(best.aggregate()))
          .map(Advice.ModelCost::variant).toList();
      StringBuilder sentence = new StringBuilder("For " + first.metric() + " in " + where + ", run " + best.variant()
          + " (" + first.aggregate() + " " + cost(best.aggregate(), first.costUnit()) + ")"
          + (tied.isEmpty() ? "" : " or " + String.join(" or ", tied) + " (their " + first.aggregate()
              + " costs cannot be told apart)"));
      for (Advice a : members) {
        // a routing is worth saying when it saves, beyond its interval, against the better of its two models alone
        Advice.Routing routing = a.routing();
        boolean variantBetter = a.efficient().aggregate().value() < a.vanilla().aggregate().value();
        Estimate saving = variantBetter ? routing.savingVsVariant() : routing.savingVsBaseline();
        if (!Double.isNaN(routing.threshold()) && saving.low() > 0) {
          sentence.append("; routing ").append(a.vanilla().variant()).append(" below ")
              .append(Lengths.format(routing.threshold(), a.lengthUnit())).append(" and ").append(a.variant())
              .append(" from it saves ").append(percent(saving)).append(" of ")
              .append(variantBetter ? a.variant() : a.vanilla().variant()).append(" alone");
        }
      }
      answers.add(sentence + ".");
    });
    return answers;
  }

  /**
   * A cost with its interval, in a readable unit: {@code 6.51 s (6.40–6.62)}, {@code 2.12 TFLOP}; an interval
   * that reads as the value itself (a count, such as FLOPs, has none) is left out.
   */
  public static String cost(Estimate estimate, String unit) {
    if (unit.equals("bytes") || unit.equals("FLOP")) {
      return withInterval(Numbers.value(estimate.value(), unit), Numbers.value(estimate.low(), unit),
          Numbers.value(estimate.high(), unit), "");
    }
    double scale = 1;
    String shown = unit;
    if (unit.equals("ms") && Math.abs(estimate.value()) >= 1000) {
      scale = 1000;
      shown = "s";
    }
    return withInterval(Numbers.significant(estimate.value() / scale), Numbers.significant(estimate.low() / scale),
        Numbers.significant(estimate.high() / scale), " " + shown);
  }

  /** A share as a percentage with its interval, {@code 7% (5–8%)}, or alone where the interval reads as it. */
  public static String percent(Estimate share) {
    String value = percentNumber(share.value());
    String low = percentNumber(share.low());
    String high = percentNumber(share.high());
    return low.equals(value) && high.equals(value) ? value + "%" : value + "% (" + low + "\u2013" + high + "%)";
  }

  /** {@code value unit (low–high)}, or {@code value unit} when both ends read as the value. */
  private static String withInterval(String value, String low, String high, String unit) {
    return low.equals(value) && high.equals(value) ? value + unit
        : value + unit + " (" + low + "\u2013" + high + ")";
  }

  public static String percentNumber(double share) {
    return String.format(Locale.ROOT, "%.0f", 100 * share);
  }

  /** Where a quantity was measured: {@code inference | batch 1}, with a real input's name. */
  private static String where(Advice advice) {
    return advice.mode() + " | batch " + advice.batch() + (advice.input().equals("synthetic") ? ""
        : " | " + advice.input());
  }

  /** The advice by quantity, mode, batch and input, in order. */
  public static Map<String, List<Advice>> byQuantity(List<Advice> advice) {
    return advice.stream().collect(Collectors.groupingBy(a -> a.metric() + "|" + a.mode() + "|" + a.batch() + "|"
        + a.input(), LinkedHashMap::new, Collectors.toList()));
  }
}
