package attnprof.engine.internal.cli;

import attnprof.engine.result.TippingPair;
import attnprof.engine.result.Lengths;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.result.RunComparison;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin
  OutputFormat output;


  @Override
  public void run() {
    var a = root.profiler().storedResult(root.database(), runA);
    var b = root.profiler().storedResult(root.database(), runB);
    List<RunComparison.Line> lines = RunComparison.of(a.figures(), b.figures());
    List<TippingPair> pairs = TippingPair.of(a.tippingPoints(), b.tippingPoints());
    switch (output.format) {
      case json -> {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("runA", runA);
        document.put("runB", runB);
        document.put("quantities", lines);
        document.put("tippingPoints", pairs);
        OutputFormat.printJson(root.out, document);
      }
      case csv -> OutputFormat.printCsv(root.out, RunComparison.Line.class, lines);
      case table -> print(lines, pairs);
    }
  }

  /**
   * The quantities both runs measured, a table per variant, mode, batch and input (A and B are the two
   * runs' medians), then both runs' tipping points.
   */
  private void print(List<RunComparison.Line> lines, List<TippingPair> pairs) {
    if (lines.isEmpty()) {
      root.out.println("no point was measured in both " + runA + " and " + runB);
      return;
    }
    root.out.println(Terminal.fit("A: " + runA + ", B: " + runB + "; beyond spread: the runs' p10-p90 ranges do not "
        + "overlap"));
    Map<String, List<RunComparison.Line>> groups = lines.stream().collect(Collectors.groupingBy(
        line -> line.variant() + " | " + Formats.where(line.mode(), line.batch(), line.input()), LinkedHashMap::new,
        Collectors.toList()));
    int beyond = 0;
    for (Map.Entry<String, List<RunComparison.Line>> group : groups.entrySet()) {
      TextTable table = new TextTable("LENGTH", "METRIC", "A", "B", "B / A", "BEYOND SPREAD");
      List<RunComparison.Line> members = group.getValue().stream().sorted(java.util.Comparator
          .comparing(RunComparison.Line::metric).thenComparingDouble(RunComparison.Line::length)).toList();
      for (RunComparison.Line line : members) {
        table.row(Lengths.format(line.length(), line.lengthUnit()), line.metric(), Formats.value(line.a(), line.unit()),
            Formats.value(line.b(), line.unit()), String.format(Locale.ROOT, "%.3f", line.ratio()),
            line.beyondSpread() == null ? "n/a (one reading)" : line.beyondSpread() ? "yes" : "no");
        if (Boolean.TRUE.equals(line.beyondSpread())) {
          beyond++;
        }
      }
      root.out.println();
      root.out.println(Terminal.fit(group.getKey()));
      root.out.print(table.render());
    }
    root.out.println();
    root.out.println(lines.size() + " quantities compared; " + beyond + " differ beyond the runs' spread.");
    if (pairs.isEmpty()) {
      return;
    }
    root.out.println();
    root.out.println("Tipping points of both runs, with whether their 95% intervals overlap");
    pairs.stream().filter(pair -> !pair.a().baselineLabel().equals(pair.b().baselineLabel())).findFirst()
        .ifPresent(pair -> root.out.println(Terminal.fit("the runs' baselines differ: A against "
            + pair.a().baselineLabel() + ", B against " + pair.b().baselineLabel())));
    Map<String, List<TippingPair>> byQuantity = pairs.stream().collect(Collectors.groupingBy(
        pair -> pair.metric() + " | " + Formats.where(pair.mode(), pair.batch(), pair.input()), LinkedHashMap::new,
        Collectors.toList()));
    byQuantity.forEach((heading, members) -> {
      TextTable table = new TextTable("VARIANT", "A", "B", "INTERVALS").prose(1, 2);
      members.forEach(pair -> table.row(pair.variant(), pair.a().answerWithInterval(), pair.b().answerWithInterval(),
          pair.intervals()));
      root.out.println(Terminal.fit(heading));
      root.out.print(table.render());
    });
  }
}
