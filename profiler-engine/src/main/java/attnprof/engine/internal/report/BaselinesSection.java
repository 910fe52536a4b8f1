package attnprof.engine.internal.report;

import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPair;
import java.util.List;

/**
 * The report's section on both baselines: when another run measured the same efficient variants against another
 * form of their baseline (dense attention and chunked, say), each tipping point of this run beside that run's.
 */
final class BaselinesSection {
  private BaselinesSection() {
  }

  static void append(StringBuilder html, SweepResult result, SweepResult other) {
    if (other == null) {
      return;
    }
    List<TippingPair> pairs = TippingPair.of(result.tippingPoints(), other.tippingPoints());
    html.append("<h2 id=\"both-baselines\">Against both baselines</h2>\n<p class=\"note\">This run's tipping points "
        + "beside run ").append(Html.escape(other.runId())).append("'s, for the same variants and quantities; whether "
        + "their 95% intervals overlap.</p>\n");
    if (pairs.isEmpty()) {
      html.append("<p>None: the two runs have no tipping point of the same variant and quantity.</p>\n");
      return;
    }
    html.append("<table id=\"baselines-table\"><tr><th>variant</th><th>metric</th><th>mode</th><th>batch</th>")
        .append("<th>input</th><th>against this run's baseline</th><th>against the other run's</th>")
        .append("<th>intervals</th></tr>\n");
    for (TippingPair pair : pairs) {
      html.append("<tr><td>").append(Html.escape(pair.variant())).append("</td><td>")
          .append(Html.escape(pair.metric())).append("</td><td>").append(Html.escape(pair.mode()))
          .append("</td><td class=\"n\">").append(pair.batch()).append("</td><td>").append(Html.escape(pair.input()))
          .append("</td><td>").append(answer(pair.a())).append("</td><td>").append(answer(pair.b()))
          .append("</td><td>").append(Html.escape(pair.intervals())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String answer(attnprof.engine.result.TippingPoint point) {
    return Html.escape(point.answerWithInterval()) + "<br><span class=\"note\">against "
        + Html.escape(point.baselineLabel()) + "</span>";
  }
}
