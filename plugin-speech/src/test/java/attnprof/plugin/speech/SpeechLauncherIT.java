package attnprof.plugin.speech;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.result.ResultRow;
import attnprof.testkit.Launcher;
import attnprof.testkit.Launcher.Outcome;
import attnprof.testkit.ResultsFolder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speech modality through the real launcher, {@code ./attnprof}. */
class SpeechLauncherIT {
  private static final Launcher LAUNCHER = Launcher.fromModuleFolder(Duration.ofMinutes(8));
  private static final List<String> VARIANTS = List.of("speech/hubert", "speech/l-hubert", "speech/summarymixing",
      "speech/hypermixing", "speech/fastformer", "speech/mamba");

  private static Outcome attnprof(String... args) {
    return LAUNCHER.attnprof(args);
  }

  @Test
  void listShowsTheSixSpeechVariantsWithHubertAsBaseline() {
    attnprof.testkit.LauncherChecks.listsEachVariantAgainstTheFirst(LAUNCHER, "speech", VARIANTS, "speech/waveform");
  }

  @Test
  void describePrintsTheParameterCountOfHubertBaseLs960() {
    attnprof.testkit.LauncherChecks.describesTheBaseParameterCount(LAUNCHER, "speech/hubert", "94,371,712");
  }

  @Test
  void aTinySweepWritesARowForEveryPointOfAllSixVariants(@TempDir Path folder) throws Exception {
    // the run's folder inside the test's own; the database is inside the run's folder
    Path results = folder.resolve("run");
    // every point of every variant, once: refinement, replicated forks and the default metrics (breakdown's traced
    // step among them) are the text tests' subject
    Outcome outcome = attnprof("sweep", "--variants", String.join(",", VARIANTS), "--preset", "tiny", "--lengths",
        "1,2", "--runs", "3", "--min-time", "100", "--forks", "1", "--refine", "none", "--metrics", "latency,flops",
        "--out", results.toString());

    attnprof.testkit.LauncherChecks.everyPointHasAnOkLatencyRow(outcome, results, VARIANTS, List.of(1.0, 2.0),
        "seconds");
  }

  @Test
  void theStreamingVariantsAreListedAndDescribeShowsTheRecipeAtBase() {
    Outcome listed = attnprof("list");
    assertThat(listed.out()).containsPattern("speech/streaming-mhsa +speech +\\(vanilla\\)")
        .containsPattern("speech/streaming-summarymixing +speech +speech/streaming-mhsa");

    Outcome described = attnprof("describe", "speech/streaming-summarymixing", "--preset", "base");
    assertThat(described.code()).as(described.err()).isZero();
    // conformer_summarymixing_transducer.yaml: 12 layers, d_model 512, 4 heads, d_ffn 2048, SummaryMixing-fast
    // with local_proj_out_dim 512, CNN channels (64, 32); chunks of 640 ms
    assertThat(described.out()).containsPattern("(?m)^width +512 ").containsPattern("(?m)^layers +12 ")
        .containsPattern("(?m)^heads +4 ").containsPattern("(?m)^feed_forward +2048 ")
        .containsPattern("(?m)^front_channels +64,32 ").containsPattern("(?m)^chunk_ms +640 ")
        .containsPattern("(?m)^local_out +512 ").contains("n_fft 512");
  }

  @Test
  void aTinyStreamingSweepMeasuresChunksAtSeveralLeftContextsAndFindsTheirTippingPoints(@TempDir Path folder)
      throws Exception {
    Path results = folder.resolve("run");
    List<String> variants = List.of("speech/streaming-mhsa", "speech/streaming-summarymixing");
    List<Double> leftContexts = List.of(1.28, 2.56, 5.12);
    Outcome outcome = attnprof("sweep", "--modality", "speech", "--mode", "streaming", "--preset", "tiny", "--lengths",
        "1.28,2.56,5.12,unlimited", "--metrics", "latency,peak-memory,streaming", "--runs", "3", "--min-time", "100",
        "--forks", "1", "--refine", "none", "--out", results.toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    List<ResultRow> rows = ResultsFolder.csvRows(results);
    for (String quantity : List.of("latency", "latency.p99", "real_time_factor", "peak_memory.allocator",
        "state_memory")) {
      assertThat(ResultsFolder.pointsWithoutOkRow(rows, quantity, variants, leftContexts, List.of("streaming")))
          .as(quantity).isEmpty();
    }
    // only the streaming variants run in the streaming mode
    assertThat(rows).allMatch(row -> variants.contains(row.variant()) && row.mode().equals("streaming"));
    for (String variant : variants) {
      for (double left : leftContexts) {
        double latency = value(rows, variant, left, "latency");
        // a chunk is 640 ms of audio: the real-time factor is the chunk's compute time over it
        assertThat(value(rows, variant, left, "real_time_factor")).isCloseTo(latency / 640,
            org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(value(rows, variant, left, "latency.p99")).isGreaterThanOrEqualTo(latency);
      }
    }
    // attention keeps its left context's keys and values; SummaryMixing a sum per chunk of it
    assertThat(value(rows, variants.get(0), 5.12, "state_memory")).isGreaterThan(value(rows, variants.get(0), 1.28,
        "state_memory") * 3);
    assertThat(value(rows, variants.get(1), 5.12, "state_memory")).isLessThan(value(rows, variants.get(0), 5.12,
        "state_memory") / 4);
    // every chunk before: SummaryMixing's running sum costs what it costs at 8 chunks; attention cannot stream so
    double unlimited = Double.POSITIVE_INFINITY;
    assertThat(value(rows, variants.get(1), unlimited, "real_time_factor")).isPositive();
    assertThat(value(rows, variants.get(1), unlimited, "state_memory")).isLessThan(value(rows, variants.get(1), 5.12,
        "state_memory"));
    assertThat(rows).filteredOn(r -> r.variant().equals(variants.get(0)) && r.length() == unlimited)
        .isNotEmpty().allSatisfy(r -> {
          assertThat(r.status()).isEqualTo("error");
          assertThat(r.message()).contains("no steady state");
        });
    assertThat(outcome.out()).contains("unlimited");
    assertThat(outcome.out()).contains("Tipping points").contains("against speech/streaming-mhsa | streaming (lengths: left context)")
        .containsPattern("(?m)^speech/streaming-summarymixing +state_memory ");
  }

  @Test
  void aModeNoNamedVariantRunsInIsOneLineAndExitCodeTwo() {
    Outcome outcome = attnprof("sweep", "--variants", "speech/hubert,speech/streaming-mhsa", "--mode", "streaming");

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("attnprof: speech/hubert does not run in the streaming mode; of this sweep's "
        + "variants, speech/streaming-mhsa does\n");
  }

  private static double value(List<ResultRow> rows, String variant, double length, String metric) {
    return rows.stream().filter(r -> r.variant().equals(variant) && r.length() == length && r.metric().equals(metric))
        .findFirst().orElseThrow().value();
  }

  @Test
  void aRealRecordingIsProfiledAndATextFileIsRefused(@TempDir Path folder) throws Exception {
    ByteBuffer samples = ByteBuffer.allocate(24_000 * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 24_000; i++) {
      samples.putShort((short) (8000 * Math.sin(i / 10.0)));
    }
    Path wav = Files.write(folder.resolve("tone.wav"), WaveformInputsTest.wav(1, 1, 16_000, 16, samples.array()));
    Outcome recorded = attnprof("sweep", "--variants", "speech/hubert", "--preset", "tiny", "--inputs", wav.toString(),
        "--mode", "inference", "--runs", "1", "--out", folder.resolve("results").toString());
    assertThat(recorded.code()).as(recorded.err()).isZero();
    assertThat(Files.readString(folder.resolve("results/results.csv"))).contains(",tone.wav,1.5,seconds,");

    Path text = Files.writeString(folder.resolve("notes.txt"), "not audio");
    Outcome refused = attnprof("sweep", "--variants", "speech/hubert", "--inputs", text.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("attnprof: " + text
        + " is not a WAV file; speech inputs are .wav files (PCM or float)\n");
  }

  @Test
  void aRunCostedOnAlsasSoundFilesGivesCostsWithIntervalsAndTheRouting(@TempDir Path folder) throws Exception {
    // a corpus this project did not write: the WAV files alsa-utils installs for speaker tests
    Path sounds = Path.of("/usr/share/sounds/alsa");
    if (!Files.isDirectory(sounds)) {
      String why = attnprof.testkit.DebianPackages.install("alsa-utils");
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sounds), "no WAV corpus: " + why);
    }
    Path run = folder.resolve("run");
    Outcome sweep = attnprof("sweep", "--variants", "speech/hubert,speech/summarymixing", "--preset", "tiny",
        "--lengths", "1,2,4", "--mode", "inference", "--metrics", "latency", "--forks", "1", "--refine", "none",
        "--out", run.toString());
    assertThat(sweep.code()).as(sweep.err()).isZero();

    Outcome table = attnprof("advise", run.toString(), "--inputs", sounds.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).containsPattern("Dataset: \\d+ input files? of /usr/share/sounds/alsa")
        .contains("The answer:\n- For latency in inference").contains("PER SAMPLE")
        .contains("beyond its tipping point: ").contains("routing speech/summarymixing: ");

    Outcome json = attnprof("advise", run.toString(), "--inputs", sounds.toString(), "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertThat(document.path("dataset").path("unit").asText()).isEqualTo("seconds");
    var cost = document.path("advice").get(0).path("vanilla").path("perSample");
    assertThat(cost.path("low").asDouble()).isPositive().isLessThanOrEqualTo(cost.path("value").asDouble());
    assertThat(cost.path("high").asDouble()).isGreaterThanOrEqualTo(cost.path("value").asDouble());
  }
}
