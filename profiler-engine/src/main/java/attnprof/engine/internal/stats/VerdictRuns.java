package attnprof.engine.internal.stats;

import attnprof.engine.result.LengthComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A variant's per-length verdicts ({@code better}, {@code worse}, {@code indistinguishable}, in ascending length) read
 * as runs: where the run that reaches the largest length starts, and the last length before it where the variant was
 * worse. A tipping point is only claimed where these say so; the wording of every answer comes from them too.
 *
 * @param verdicts the verdicts, in ascending length
 * @param last the verdict at the largest length
 * @param finalRunStart the index where the run of {@code last} verdicts that reaches the largest length begins
 * @param lastWorse the index of the last {@code worse} verdict before that run; -1 when none
 */
record VerdictRuns(List<String> verdicts, String last, int finalRunStart, int lastWorse) {
  static VerdictRuns of(List<String> verdicts) {
    int n = verdicts.size();
    String last = verdicts.get(n - 1);
    int start = n - 1;
    while (start > 0 && verdicts.get(start - 1).equals(last)) {
      start--;
    }
    int lastWorse = -1;
    for (int i = start - 1; i >= 0; i--) {
      if (verdicts.get(i).equals(LengthComparison.WORSE)) {
        lastWorse = i;
        break;
      }
    }
    return new VerdictRuns(List.copyOf(verdicts), last, start, lastWorse);
  }

  /**
   * What the verdicts say along the lengths, run by run: {@code worse at 128–256, indistinguishable at 362, better
   * from 512 tokens on}. {@code number} writes a length without its unit; {@code unit} ends the sentence.
   */
  String how(double[] lengths, DoubleFunction<String> number, String unit) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= verdicts.size(); i++) {
      if (i < verdicts.size() && verdicts.get(i).equals(verdicts.get(start))) {
        continue;
      }
      String verdict = verdicts.get(start);
      boolean toTheEnd = i == verdicts.size();
      String after = toTheEnd && !unit.isEmpty() ? " " + unit : "";
      if (toTheEnd && start > 0 && verdict.equals(LengthComparison.BETTER)) {
        parts.add("better from " + number.apply(lengths[start]) + after + " on");
      } else {
        parts.add(verdict + " at " + (start == i - 1 ? number.apply(lengths[start])
            : number.apply(lengths[start]) + "\u2013" + number.apply(lengths[i - 1])) + after);
      }
      start = i;
    }
    return String.join(", ", parts);
  }
}
