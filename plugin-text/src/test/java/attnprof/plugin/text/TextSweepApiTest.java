package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.PointStatus;
import attnprof.engine.Profiler;
import attnprof.engine.result.ResultRow;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.SweepResult;
import attnprof.engine.result.TippingPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's Java API, driven through its exported types only, on the text variants. */
class TextSweepApiTest {

  @Test
  void aSweepReturnsEveryPointAsValuesAndFindsTippingPoints() {
    Profiler profiler = Profiler.builder().build();
    SweepResult result = profiler.sweep(SweepRequest.builder()
        .variants("text/bert", "text/longformer").preset("tiny").lengths(16, 48)
        .runs(2).minTime(java.time.Duration.ZERO).forks(1).refine(SweepRequest.Refine.NONE).inProcess(true).build());

    // 2 variants x 2 lengths x 2 modes, at batch 1
    assertThat(result.points()).hasSize(8).allSatisfy(p -> assertThat(p.status()).isEqualTo(PointStatus.OK));
    // in this JVM TensorFlow's allocator keeps no statistics (child JVMs get the BFC allocator): no peak memory
    assertThat(result.rows()).extracting(ResultRow::metric).contains("latency", "throughput", "flops");
    assertThat(result.rows()).allSatisfy(row -> {
      // a component can have no time or FLOPs (no op of a tiny BERT's inference is in `other`)
      assertThat(row.value()).isNotNegative();
      if (!row.metric().startsWith("breakdown.") && !row.metric().startsWith("flops.")) {
        assertThat(row.value()).as(row.metric()).isPositive();
      }
      assertThat(row.runs()).isPositive();
      assertThat(row.cpuModel()).isNotBlank();
    });
    assertThat(result.tippingPoints()).extracting(TippingPoint::variant).containsOnly("text/longformer");
    assertThat(result.tippingPoints()).extracting(TippingPoint::metric).contains("latency", "throughput");
    assertThat(result.tippingPoints()).allSatisfy(t -> assertThat(t.method()).isNotEmpty());
    assertThat(result.comparisons()).extracting(c -> c.length()).contains(16.0, 48.0);
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aSweepWithAnOutputFolderWritesCsvJsonAndTheDatabaseThatReadBack(@TempDir Path results) {
    Path folder = results.resolve("run");
    Profiler profiler = Profiler.builder().build();
    SweepResult result = profiler.sweep(SweepRequest.builder()
        .variants("text/bert", "text/nystromformer").preset("tiny").lengths(24).modes(attnprof.api.Mode.INFERENCE)
        .metrics("latency").runs(1).warmup(1).minTime(java.time.Duration.ZERO).forks(1)
        .refine(SweepRequest.Refine.NONE).inProcess(true).outputDirectory(folder).build());

    assertThat(folder.resolve("results.csv")).exists();
    assertThat(folder.resolve("results.json")).exists();
    assertThat(profiler.readResults(folder.resolve("results.csv"))).isEqualTo(result.rows());
    assertThat(profiler.readResults(folder.resolve("results.json"))).isEqualTo(result.rows());
    // results.json keeps every fork's runs: its tipping points are the sweep's own
    assertThat(profiler.findResult(results.resolve("none.db"), folder.toString()).tippingPoints())
        .isEqualTo(result.tippingPoints());
    // the database beside the run's folder keeps the same run
    Path database = results.resolve("attnprof.db");
    assertThat(profiler.storedRuns(database)).singleElement()
        .satisfies(run -> assertThat(run.runId()).isEqualTo(result.runId()));
    SweepResult stored = profiler.storedResult(database, result.runId());
    assertThat(stored.rows()).isEqualTo(result.rows());
    assertThat(stored.points()).isEqualTo(result.points());
    assertThat(stored.complete()).isTrue();
  }

  @Test
  void aRealTextFileIsProfiledAtItsOwnLength(@TempDir Path folder) throws Exception {
    Path text = Files.writeString(folder.resolve("sample.txt"), "The quick brown fox jumps over the lazy dog.");
    SweepResult result = Profiler.builder().build().sweep(SweepRequest.builder()
        .variants("text/bert").preset("tiny").inputs(java.util.List.of(text)).modes(attnprof.api.Mode.INFERENCE)
        .metrics("latency").runs(1).warmup(1).inProcess(true).build());

    // [CLS] and ten tokens: nine words and the full stop
    assertThat(result.points()).singleElement().satisfies(p -> assertThat(p.length()).isEqualTo(11));
    assertThat(result.rows()).extracting(ResultRow::input).containsOnly("sample.txt");
  }
}
