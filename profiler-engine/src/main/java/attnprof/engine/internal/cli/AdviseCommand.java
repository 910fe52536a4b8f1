package attnprof.engine.internal.cli;

import attnprof.api.ProfilerException;
import attnprof.engine.result.LengthFiles;
import attnprof.engine.result.DatasetAdvice;
import attnprof.engine.result.LengthDistribution;
import attnprof.engine.result.SweepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attnprof advise RUN --inputs DIR}: which model to run on a dataset, from a run's measurements. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Which model to run on your data: from a run's measurements and a dataset's lengths, each "
        + "variant's expected cost per sample and over the dataset with a 95%% interval, the share of samples beyond "
        + "each tipping point, the best single choice, and the best routing (the baseline below a length, the "
        + "efficient variant from it on) with its saving against each single choice.",
        "The lengths come from input files (measured as a sweep measures them), a CSV or JSON column, or a "
            + "histogram; samples outside the run's measured lengths are costed by extrapolation, and say so."})
final class AdviseCommand implements Runnable {
  @ParentCommand
  AttnprofCommand root;

  @Parameters(index = "0", paramLabel = "RUN", description = "a run id in the results database, or a results folder")
  String run;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The dataset's lengths, one way:%n")
  DatasetSource source;

  @Option(names = "--column", paramLabel = "NAME",
      description = "with --lengths: the column (CSV) or field (JSON) of the lengths (default: the first of numbers)")
  String column;

  /** Where the lengths come from: picocli takes exactly one. */
  static final class DatasetSource {
    @Option(names = "--inputs", paramLabel = "PATH", arity = "1..*", required = true,
        description = "input files: files, folders (walked for the modality's file types) or 'globs/*.txt'")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--lengths", paramLabel = "FILE", required = true,
        description = "a CSV (with a header) or JSON file of lengths, one per sample")
    Path lengths;

    @Option(names = "--histogram", paramLabel = "FILE", required = true,
        description = "a CSV histogram: a header and the columns length,count, a row per bin")
    Path histogram;
  }

  @Option(names = "--measure-missing",
      description = "measure the run's models at the dataset's median length and at its shortest and longest where "
          + "they lie outside the run's (a run of their own, in the same database), instead of interpolating or "
          + "extrapolating to them")
  boolean measureMissing;

  @Option(names = "--modality", paramLabel = "MODALITY",
      description = "the modality whose comparisons to cost, when the run has several")
  String modality;

  @Mixin
  OutputFormat output;

  @Override
  public void run() {
    if (column != null && source.lengths == null) {
      throw ProfilerException.user("--column names a column of --lengths FILE");
    }
    SweepResult result = root.profiler().findResult(root.database(), run);
    String chosen = modalityOf(result);
    LengthDistribution data = source.lengths != null ? LengthFiles.column(source.lengths, column, unitOf(result, chosen))
        : source.histogram != null ? LengthFiles.histogram(source.histogram, unitOf(result, chosen))
        : root.profiler().inputLengths(chosen, source.inputs);
    if (measureMissing) {
      result = MissingLengths.measured(root, result, data);
    }
    DatasetAdvice advice = root.profiler().advise(result, data, root.database());
    switch (output.format) {
      case json -> OutputFormat.printJson(root.out, AdviceTables.document(result.runId(), advice));
      case csv -> OutputFormat.printCsv(root.out, AdviceFigure.class, AdviceTables.figures(advice.advice()));
      case table -> AdviceTables.print(root.out, advice);
    }
  }

  /** The modality to cost: the one asked for, else the run's only one with comparisons. */
  private String modalityOf(SweepResult result) {
    List<String> modalities = result.figures().stream().filter(f -> !f.baseline().isEmpty())
        .map(f -> f.point().modality()).distinct().toList();
    if (modality != null) {
      if (!modalities.contains(modality)) {
        throw ProfilerException.user("run " + result.runId() + " compares no " + modality + " variants; it has: "
            + (modalities.isEmpty() ? "none" : String.join(", ", modalities)));
      }
      return modality;
    }
    if (modalities.size() != 1) {
      throw ProfilerException.user(modalities.isEmpty()
          ? "run " + result.runId() + " has no efficient variant measured with its baseline: nothing to advise on"
          : "run " + result.runId() + " compares variants of " + String.join(", ", modalities)
              + "; choose one with --modality");
    }
    return modalities.get(0);
  }

  private static String unitOf(SweepResult result, String modality) {
    return result.figures().stream().filter(f -> f.point().modality().equals(modality)).findFirst()
        .orElseThrow().lengthUnit();
  }
}
