package attnprof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import java.nio.file.Path;
import java.util.List;

/** What every modality plugin's launcher test checks alike, through the real launcher. */
public final class LauncherChecks {
  private LauncherChecks() {
  }

  /**
   * {@code attnprof list} shows the first of a modality's {@code variants} as vanilla and every other one compared
   * with it, and lists the {@code inputs} generators.
   */
  public static void listsEachVariantAgainstTheFirst(Launcher launcher, String modality, List<String> variants,
      String... inputs) {
    Launcher.Outcome outcome = launcher.attnprof("list");

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).containsPattern(variants.get(0) + " +" + modality + " +\\(vanilla\\)");
    for (String input : inputs) {
      assertThat(outcome.out()).contains(input);
    }
    for (String variant : variants.subList(1, variants.size())) {
      assertThat(outcome.out()).containsPattern(variant + " +" + modality + " +" + variants.get(0));
    }
  }

  /** {@code attnprof describe VARIANT --preset base} prints the published parameter count ({@code 94,371,712}). */
  public static void describesTheBaseParameterCount(Launcher launcher, String variant, String parameters) {
    Launcher.Outcome outcome = launcher.attnprof("describe", variant, "--preset", "base");

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains(parameters + " parameters");
  }

  /**
   * A finished sweep ({@code outcome}, into {@code results}) wrote an {@code ok} latency row for every variant,
   * length and mode, all at batch 1 on the CPU in {@code lengthUnit}, and printed its tipping points.
   */
  public static void everyPointHasAnOkLatencyRow(Launcher.Outcome outcome, Path results, List<String> variants,
      List<Double> lengths, String lengthUnit) {
    assertThat(outcome.code()).as(outcome.err()).isZero();
    List<ResultRow> rows = ResultsFolder.csvRows(results);
    assertThat(ResultsFolder.pointsWithoutOkRow(rows, "latency", variants, lengths, List.of("inference", "training")))
        .isEmpty();
    assertThat(rows).allMatch(row -> row.lengthUnit().equals(lengthUnit) && row.batch() == 1
        && row.device().equals("cpu"));
    assertThat(outcome.out()).contains("Tipping points");
  }
}
