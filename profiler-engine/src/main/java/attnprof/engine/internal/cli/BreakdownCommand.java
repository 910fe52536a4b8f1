package attnprof.engine.internal.cli;

import attnprof.engine.result.Lengths;
import attnprof.api.model.Component;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.Breakdowns;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof breakdown VARIANT}: where the time of one step goes, by component, at each length. */
@Command(name = "breakdown", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Traces three steps of each variant at each length with their ops one at a time (after warm-up, "
        + "each point in a fresh JVM) and prints the median time of each component (embedding, attention, "
        + "feed_forward, norm, other) with its share, and the step's FLOPs.",
        "In training, gradients and weight updates count for the component they belong to."})
final class BreakdownCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand
  AttnprofCommand root;

  @Parameters(arity = "1..*", paramLabel = "VARIANT", completionCandidates = CompletionCommand.VariantIds.class,
      description = "variant ids, such as text/bert")
  List<String> variants;

  @Mixin
  PointOptions point;

  @Option(names = "--batch", defaultValue = "1", description = "inputs per step (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--warmup", defaultValue = "2", description = "untimed steps before the traced one (default: ${DEFAULT-VALUE})")
  int warmup;

  @Mixin
  OutputFormat output;

  /**
   * Where one point's step went: milliseconds and percent shares by component ({@code embedding},
   * {@code attention}, ...), the busy time they add up to, the share outside any component scope, and the
   * counted FLOPs (null when not counted). The same figures are the {@code rows}' {@code breakdown.*}
   * and {@code flops} quantities.
   */
  public record BreakdownEntry(String variant, double length, String lengthUnit, String mode, int batch, String input,
      Map<String, Double> millis, Map<String, Double> shares, double busyMillis, double unscopedShare, Double flops) {
  }

  /** Exits like a sweep: {@value SweepCommand#NOT_RUN} when a point's process could not be started. */
  @Override
  public Integer call() {
    SweepRequest request = point.applyTo(SweepRequest.builder())
        .variants(variants).batches(batch).metrics(List.of("breakdown", "flops")).runs(1).warmup(warmup)
        .minTime(java.time.Duration.ZERO).forks(1).refine(SweepRequest.Refine.NONE).build();
    SweepResult result = root.profilerSayingPluginTrouble().sweep(request, new ConsoleProgress(root.err, null, point.inProcess));
    switch (output.format) {
      case json -> {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("runId", result.runId());
        document.put("breakdowns", Breakdowns.of(result.figures()).stream().map(BreakdownCommand::entry).toList());
        attnprof.engine.result.Roofline.Roofs.of(result.environment()).ifPresent(roofs -> {
          document.put("roofs", roofs);
          document.put("roofline", attnprof.engine.result.Roofline.of(Breakdowns.of(result.figures()), roofs));
        });
        document.put("rows", result.rows());
        OutputFormat.printJson(root.out, document);
      }
      case csv -> OutputFormat.printCsv(root.out, attnprof.engine.result.ResultRow.class, result.rows());
      case table -> print(root.out, result);
    }
    boolean notRun = result.points().stream().anyMatch(p -> p.status() == PointStatus.NOT_RUN);
    return notRun ? SweepCommand.NOT_RUN : 0;
  }

  static void print(PrintStream out, SweepResult result) {
    out.println();
    out.println(Terminal.fit("Where the time of one step goes: steps traced with their ops one at a time, their "
        + "times summed by component, the median over the steps (BUSY: all of them)"));
    TextTable table = new TextTable("VARIANT", "LENGTH", "MODE", "EMBEDDING", "ATTENTION", "FEED_FORWARD", "NORM",
        "OTHER", "BUSY", "UNSCOPED", "GFLOP").repeatingFirst(3);
    for (Breakdowns.Entry entry : Breakdowns.of(result.figures())) {
      table.row(entry.variant(), Lengths.format(entry.length(), entry.lengthUnit()), entry.mode(),
          cell(entry, Component.EMBEDDING), cell(entry, Component.ATTENTION), cell(entry, Component.FEED_FORWARD),
          cell(entry, Component.NORM), cell(entry, Component.OTHER),
          Formats.significant(entry.totalMillis()) + " ms",
          String.format(Locale.ROOT, "%.1f%%", entry.unscopedShare()),
          entry.flops().map(f -> Formats.significant(f / 1e9)).orElse(""));
    }
    out.print(table.render());
    for (PointResult failed : result.points()) {
      if (failed.status() != PointStatus.OK) {
        out.println(Terminal.fit(failed.variant() + " " + Lengths.format(failed.length(), failed.lengthUnit()) + " "
            + failed.mode().id() + ": " + failed.status().id() + ": " + failed.message()));
      }
    }
    out.println(Terminal.fit("UNSCOPED: the part of OTHER spent in ops outside any component scope (high means a "
        + "plugin scopes badly)."));
    attnprof.engine.result.Roofline.Roofs.of(result.environment()).ifPresent(roofs -> printRoofline(out, result, roofs));
  }

  private static void printRoofline(PrintStream out, SweepResult result, attnprof.engine.result.Roofline.Roofs roofs) {
    var points = attnprof.engine.result.Roofline.of(Breakdowns.of(result.figures()), roofs);
    if (points.isEmpty()) {
      return;
    }
    out.println();
    out.println(Terminal.fit("On the roofline: each component's FLOPs over its traced time, against the measured "
        + "matrix-multiply peak (" + Formats.significant(roofs.peakGflops()) + " GFLOP/s) and memory bandwidth ("
        + Formats.significant(roofs.bandwidthGbs()) + " GB/s; ridge at " + Formats.significant(roofs.ridge())
        + " FLOP/byte)"));
    TextTable table = new TextTable("VARIANT", "LENGTH", "MODE", "COMPONENT", "GFLOP/S", "OF PEAK", "FLOP/BYTE",
        "OF ROOF", "BOUND").repeatingFirst(3);
    for (var point : points) {
      table.row(point.variant(), Lengths.format(point.length(), point.lengthUnit()), point.mode(), point.component(),
          Formats.significant(point.gflopsPerSecond()), String.format(Locale.ROOT, "%.0f%%", 100 * point.shareOfPeak()),
          Formats.significant(point.intensity()), String.format(Locale.ROOT, "%.0f%%", 100 * point.shareOfRoof()),
          point.bound());
    }
    out.print(table.render());
    out.println(Terminal.fit("OF ROOF: the rate over what the roofline allows at the component's intensity (the "
        + "lower of the peak and bandwidth x intensity); memory-bound components cannot reach the peak."));
  }

  private static BreakdownEntry entry(Breakdowns.Entry entry) {
    Map<String, Double> millis = new LinkedHashMap<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    entry.millis().forEach((component, value) -> millis.put(component.scopeName(), value));
    entry.shares().forEach((component, value) -> shares.put(component.scopeName(), value));
    return new BreakdownEntry(entry.variant(), entry.length(), entry.lengthUnit(), entry.mode(), entry.batch(),
        entry.input(), millis, shares, entry.totalMillis(), entry.unscopedShare(), entry.flops().orElse(null));
  }

  private static String cell(Breakdowns.Entry entry, Component component) {
    return Formats.significant(entry.millis().get(component)) + " ms ("
        + String.format(Locale.ROOT, "%.0f%%", entry.shares().get(component)) + ")";
  }
}
