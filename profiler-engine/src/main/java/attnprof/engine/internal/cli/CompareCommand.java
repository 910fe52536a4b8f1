package attnprof.engine.internal.cli;

import attnprof.engine.TippingPoint;
import attnprof.engine.internal.report.RunComparison;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof compare RUN_A RUN_B}: two stored runs, point by point. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares two stored runs: for every compared quantity of every point both measured, the two "
        + "medians, their ratio (B / A), and whether the difference is beyond the runs' spread (their p10-p90 "
        + "ranges do not overlap); then both runs' tipping points with their 95%% intervals, and whether the "
        + "intervals overlap."})
final class CompareCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "the first run's id (see attnprof runs)")
  String runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "the second run's id")
  String runB;

  @Override
  public void run() {
    var a = root.profiler().storedResult(root.database(), runA);
    var b = root.profiler().storedResult(root.database(), runB);
    List<RunComparison.Line> lines = RunComparison.of(a.rows(), b.rows());
    if (lines.isEmpty()) {
      root.out.println("no point was measured in both " + runA + " and " + runB);
      return;
    }
    TextTable table = new TextTable("VARIANT", "LENGTH", "MODE", "BATCH", "METRIC", "A: " + runA, "B: " + runB,
        "B / A", "BEYOND SPREAD");
    int beyond = 0;
    for (RunComparison.Line line : lines) {
      table.row(line.variant(), Formats.length(line.length()) + " " + line.lengthUnit(), line.mode(), line.batch(),
          line.metric(), Formats.value(line.a(), line.unit()), Formats.value(line.b(), line.unit()),
          String.format(Locale.ROOT, "%.3f", line.ratio()),
          line.beyondSpread() == null ? "n/a (one reading)" : line.beyondSpread() ? "yes" : "no");
      if (Boolean.TRUE.equals(line.beyondSpread())) {
        beyond++;
      }
    }
    root.out.print(table.render());
    root.out.println(lines.size() + " quantities compared; " + beyond + " differ beyond the runs' spread.");
    printTippingPoints(a.tippingPoints(), b.tippingPoints());
  }

  /** Both runs' tipping points side by side, with their 95% intervals and whether the intervals overlap. */
  private void printTippingPoints(List<TippingPoint> a, List<TippingPoint> b) {
    TextTable table = new TextTable("VARIANT", "METRIC", "MODE", "BATCH", "A: " + runA, "B: " + runB, "INTERVALS");
    for (TippingPoint first : a) {
      b.stream().filter(second -> second.variant().equals(first.variant()) && second.metric().equals(first.metric())
          && second.mode().equals(first.mode()) && second.batch() == first.batch()
          && second.input().equals(first.input())).findFirst()
          .ifPresent(second -> table.row(first.variant(), first.metric(), first.mode(), first.batch(),
              first.answerWithInterval(), second.answerWithInterval(), overlap(first, second)));
    }
    if (!table.isEmpty()) {
      root.out.println();
      root.out.println("Tipping points of both runs");
      root.out.print(table.render());
    }
  }

  /** {@code overlap} or {@code apart} for two intervals; empty when either has none. */
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
