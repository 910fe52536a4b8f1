package attnprof.engine.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.engine.format.CsvFormat;
import attnprof.engine.format.RecordCsv;
import attnprof.engine.result.ResultRow;
import attnprof.engine.result.TippingPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results file whose efficient variant equals its baseline within noise at every length, though its point estimates
 * cross: no output of {@code attnprof tipping} gives a length.
 */
class NoAnswerFromNoiseTest {
  private static String tipping(Path file, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"tipping", file.toString(), "--format", format},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static ResultRow row(String variant, String baseline, double length, double median) {
    // a median's 95% interval of +-4%: every ratio's interval reaches into 1 +- 2%
    return new ResultRow("run", variant, baseline, "text", "tiny", "synthetic", length, "tokens", 1, "inference",
        "cpu", "latency", median, "ms", "lower", 5, median * 0.96, median * 1.04, 0.0, median * 0.96, median * 1.04,
        0.0, "ok", "", 0, "", false, "cpu", 2, 0, "17", "2.18");
  }

  @Test
  void aVariantEqualToItsBaselineWithinNoiseHasNoLengthInTheTableTheCsvOrTheJson(@TempDir Path folder)
      throws Exception {
    List<ResultRow> rows = new ArrayList<>();
    double[] lengths = {128, 256, 512};
    double[] ratios = {1.01, 0.99, 0.98};
    for (int i = 0; i < lengths.length; i++) {
      rows.add(row("text/bert", "", lengths[i], 10));
      rows.add(row("text/x", "text/bert", lengths[i], 10 * ratios[i]));
    }
    Path file = folder.resolve("results.csv");
    Files.writeString(file, RecordCsv.write(ResultRow.class, rows));

    String table = tipping(file, "table");
    assertThat(table).contains("indistinguishable over 128\u2013512 tokens")
        .contains("indistinguishable at 128\u2013512 tokens").doesNotContain("95%:");

    List<List<String>> csv = CsvFormat.parse(tipping(file, "csv"));
    List<String> header = csv.get(0);
    assertThat(csv).hasSize(2);
    assertThat(csv.get(1).get(header.indexOf("verdict"))).isEqualTo("indistinguishable");
    for (String column : List.of("length", "ciLow", "ciHigh")) {
      assertThat(csv.get(1).get(header.indexOf(column))).as(column).isIn("", "NaN");
    }

    JsonNode point = new ObjectMapper().readTree(tipping(file, "json")).get("tippingPoints").get(0);
    assertThat(point.get("verdict").asText()).isEqualTo("indistinguishable");
    for (String field : List.of("length", "ciLow", "ciHigh")) {
      assertThat(point.get(field).isNumber()).as(field).isFalse();
    }
    assertThat(TippingPoint.Verdict.values()).contains(TippingPoint.Verdict.INDISTINGUISHABLE);
  }
}
