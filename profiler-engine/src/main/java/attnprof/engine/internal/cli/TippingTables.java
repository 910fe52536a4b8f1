package attnprof.engine.internal.cli;

import attnprof.engine.result.Lengths;
import attnprof.engine.result.LengthComparison;
import attnprof.engine.result.Figure;
import attnprof.engine.result.TippingPoint;
import attnprof.engine.result.AchievedRates;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The tables a sweep ends with: the tipping points, and the figures behind them. */
final class TippingTables {
  private TippingTables() {
  }

  /**
   * The tipping points, a table per baseline, mode, batch and input (the heading names them): each
   * variant's answer with its interval, how it was found, and, under the row when the terminal is too
   * narrow for it, the lengths around it.
   */
  static void printTippingPoints(PrintStream out, List<TippingPoint> points) {
    out.println("Tipping points (the length from which the efficient variant stays better, with its 95% interval)");
    if (points.isEmpty()) {
      out.println("none: no efficient variant was swept with its baseline");
      return;
    }
    Map<String, List<TippingPoint>> groups = points.stream().collect(Collectors.groupingBy(
        p -> "against " + p.baselineLabel() + " | " + Formats.where(p.mode(), p.batch(), p.input()),
        java.util.LinkedHashMap::new,
        Collectors.toList()));
    boolean first = true;
    for (Map.Entry<String, List<TippingPoint>> group : groups.entrySet()) {
      TextTable table = new TextTable("VARIANT", "METRIC", "TIPPING POINT", "METHOD", "HOW").prose(2, 4);
      for (TippingPoint point : group.getValue()) {
        table.row(point.variant(), point.metric(), point.answerWithInterval(), point.method(), point.detail());
      }
      out.print(first ? "" : "\n");
      out.println(Terminal.fit(group.getKey()));
      out.print(table.render());
      first = false;
    }
  }

  /** The answer, a sentence per efficient variant and quantity, then a blank line; nothing without tipping points. */
  static void printAnswers(PrintStream out, List<TippingPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    out.println("The answer:");
    for (TippingPoint point : points) {
      out.println(Terminal.fit("- " + point.sentence()));
    }
    out.println();
  }

  /**
   * One table per compared quantity, mode and batch: each efficient variant's ratio to its baseline at
   * each length, with the verdict its 95% interval gives.
   */
  static void printComparisons(PrintStream out, List<LengthComparison> comparisons) {
    Map<String, List<LengthComparison>> groups = comparisons.stream().collect(Collectors.groupingBy(
        c -> c.metric() + " | " + Formats.where(c.mode(), c.batch(), c.input()), TreeMap::new, Collectors.toList()));
    if (groups.isEmpty()) {
      return;
    }
    out.println("Each efficient variant against its baseline: variant / baseline, and what its 95% interval says");
    for (Map.Entry<String, List<LengthComparison>> group : groups.entrySet()) {
      List<LengthComparison> members = group.getValue();
      Map<String, Map<Double, String>> cells = new java.util.LinkedHashMap<>();
      for (LengthComparison comparison : members) {
        cells.computeIfAbsent(comparison.variant(), v -> new TreeMap<>()).put(comparison.length(), cell(comparison));
      }
      out.println(Terminal.fit(group.getKey()));
      out.print(variantsByLength(cells, members.get(0).lengthUnit()));
      out.println();
    }
  }

  /** A table with a row per variant and a column per length, from each variant's cells by length. */
  private static String variantsByLength(Map<String, Map<Double, String>> cells, String lengthUnit) {
    TreeSet<Double> lengths = cells.values().stream().flatMap(byLength -> byLength.keySet().stream())
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> header = new java.util.ArrayList<>();
    header.add("VARIANT");
    lengths.forEach(l -> header.add(Lengths.format(l, lengthUnit)));
    TextTable table = new TextTable(header.toArray(String[]::new)).repeatingFirst(1);
    cells.forEach((variant, byLength) -> {
      List<Object> line = new java.util.ArrayList<>();
      line.add(variant);
      lengths.forEach(l -> line.add(byLength.getOrDefault(l, "")));
      table.row(line.toArray());
    });
    return table.render();
  }

  private static String cell(LengthComparison comparison) {
    if (!comparison.failed().isEmpty()) {
      return comparison.failed() + " (" + comparison.verdict() + ")";
    }
    String verdict = switch (comparison.verdict()) {
      case LengthComparison.BETTER -> "better";
      case LengthComparison.WORSE -> "worse";
      default -> "~same";
    };
    return Formats.significant(comparison.ratio()) + " " + verdict;
  }

  /**
   * One table per compared quantity, mode and batch: variants down, lengths across, medians (or
   * statuses) in the cells. Details that are not compared (the breakdown's shares) are left to
   * {@code attnprof breakdown} and the report.
   */
  static void printFigures(PrintStream out, List<Figure> rows) {
    Map<String, List<Figure>> groups = rows.stream()
        .filter(r -> r.direction().ranked())
        .collect(Collectors.groupingBy(
        r -> r.metric() + " | " + Formats.where(r.mode().id(), r.batch(), r.input()),
        TreeMap::new, Collectors.toList()));
    for (Map.Entry<String, List<Figure>> group : groups.entrySet()) {
      List<Figure> groupRows = group.getValue();
      Map<String, Map<Double, String>> cells = new java.util.LinkedHashMap<>();
      for (Figure row : groupRows) {
        cells.computeIfAbsent(row.variant(), v -> new TreeMap<>()).put(row.length(),
            row.ok() ? Formats.value(row.value(), row.unit()) : row.status().id());
      }
      out.println(Terminal.fit(group.getKey()));
      out.print(variantsByLength(cells, groupRows.get(0).lengthUnit()));
      out.println();
    }
  }

  /**
   * One table per mode and input: each point's achieved GFLOP/s (counted FLOPs over median latency,
   * derived), with an efficient variant's fraction of its baseline's rate at the same length.
   */
  static void printAchievedRates(PrintStream out, List<Figure> rows) {
    Map<String, List<AchievedRates.Rate>> groups = AchievedRates.of(rows).stream().collect(Collectors.groupingBy(
        r -> Formats.where(r.mode(), 1, r.input()), TreeMap::new,
        Collectors.toList()));
    for (Map.Entry<String, List<AchievedRates.Rate>> group : groups.entrySet()) {
      List<AchievedRates.Rate> members = group.getValue();
      Map<String, Map<Double, String>> cells = new java.util.LinkedHashMap<>();
      for (AchievedRates.Rate rate : members) {
        cells.computeIfAbsent(rate.variant(), v -> new TreeMap<>()).put(rate.length(), rateCell(rate));
      }
      out.println(Terminal.fit("achieved GFLOP/s (FLOPs / median latency, derived; in brackets: of the baseline's) | "
          + group.getKey()));
      out.print(variantsByLength(cells, members.get(0).lengthUnit()));
      out.println();
    }
  }

  private static String rateCell(AchievedRates.Rate rate) {
    String value = String.format(java.util.Locale.ROOT, "%.1f", rate.gflopsPerSecond());
    return Double.isNaN(rate.baselineGflops()) ? value
        : value + String.format(java.util.Locale.ROOT, " (%.0f%%)", 100 * rate.ofBaseline());
  }
}
