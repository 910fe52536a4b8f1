package attnprof.engine.result;

import java.util.ArrayList;
import java.util.List;

/**
 * Two runs' answers for one tipping point (the same variant, quantity, mode, batch and input), and whether their 95%
 * intervals overlap: a run against itself on another day, or the same variants against two forms of their baseline.
 *
 * @param variant the efficient variant
 * @param baseline its baseline's id
 * @param metric the quantity
 * @param mode the mode
 * @param batch the batch size
 * @param input the input
 * @param a the first run's answer
 * @param b the second run's answer
 * @param intervals {@code overlap} or {@code apart}; for answers without an interval {@code same answer} or
 *     {@code different answers}
 */
public record TippingPair(String variant, String baseline, String metric, String mode, int batch, String input,
    TippingPoint a, TippingPoint b, String intervals) {

  /** Each tipping point both lists have, paired, in the order of {@code a}. */
  public static List<TippingPair> of(List<TippingPoint> a, List<TippingPoint> b) {
    List<TippingPair> pairs = new ArrayList<>();
    for (TippingPoint first : a) {
      b.stream().filter(second -> second.variant().equals(first.variant()) && second.metric().equals(first.metric())
          && second.mode().equals(first.mode()) && second.batch() == first.batch()
          && second.input().equals(first.input())).findFirst()
          .ifPresent(second -> pairs.add(new TippingPair(first.variant(), first.baseline(), first.metric(),
              first.mode(), first.batch(), first.input(), first, second, overlap(first, second))));
    }
    return pairs;
  }

  /** {@code overlap} or {@code apart} for two intervals; for answers without one, whether the answers agree. */
  static String overlap(TippingPoint a, TippingPoint b) {
    if (!Double.isFinite(a.ciLow()) && !Double.isFinite(a.ciHigh())
        || !Double.isFinite(b.ciLow()) && !Double.isFinite(b.ciHigh())) {
      return a.verdict() == b.verdict() ? "same answer" : "different answers";
    }
    double lowA = Double.isFinite(a.ciLow()) ? a.ciLow() : Double.NEGATIVE_INFINITY;
    double highA = Double.isFinite(a.ciHigh()) ? a.ciHigh() : Double.POSITIVE_INFINITY;
    double lowB = Double.isFinite(b.ciLow()) ? b.ciLow() : Double.NEGATIVE_INFINITY;
    double highB = Double.isFinite(b.ciHigh()) ? b.ciHigh() : Double.POSITIVE_INFINITY;
    return lowA <= highB && lowB <= highA ? "overlap" : "apart";
  }
}
