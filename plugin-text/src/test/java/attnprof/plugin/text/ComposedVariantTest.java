package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerDescriptor;
import attnprof.api.mixer.MixerProvider;
import attnprof.api.model.ModelVariant;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.TokenMixer;
import attnprof.engine.Profiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plugin's mixer composed with BERT's body: the body's weights are the baseline's, so only the mixer differs. */
class ComposedVariantTest {
  /** Vanilla attention offered as a mixer: composed with BERT's body, it must be BERT. */
  private static final class AttentionAgain implements MixerProvider {
    @Override
    public MixerDescriptor descriptor() {
      return MixerDescriptor.builder("attention-again").paper("a test").build();
    }

    @Override
    public TokenMixer create(MixerContext context) {
      return new MultiHeadAttention(context.heads());
    }
  }

  /** Multi-head attention with twice the heads: same weights, another function. */
  private static final class MoreHeads implements MixerProvider {
    @Override
    public MixerDescriptor descriptor() {
      return MixerDescriptor.builder("more-heads").paper("a test").build();
    }

    @Override
    public TokenMixer create(MixerContext context) {
      return new MultiHeadAttention(2 * context.heads());
    }
  }

  @Test
  void aMixerOnBertsBodySharesBertsWeightsAndIsComparedWithIt() {
    Profiler profiler = Profiler.builder().addProvider(new AttentionAgain()).addProvider(new MoreHeads()).build();
    ModelVariant bert = profiler.registry().variant("text/bert");
    ModelVariant again = profiler.registry().variant("text/attention-again");
    ModelVariant moreHeads = profiler.registry().variant("text/more-heads");

    assertThat(again.descriptor().baseline()).isEqualTo("text/bert");
    // every parameter of BERT's body but how BERT computes its own attention
    assertThat(again.descriptor().parameters()).containsExactlyElementsOf(bert.descriptor().parameters().stream()
        .filter(spec -> !attnprof.api.model.AttentionParameters.specs().contains(spec)).toList());
    assertThat(again.descriptor().parameters()).hasSize(bert.descriptor().parameters().size() - 3);
    float[] reference = TextReferences.forward(bert, TextReferences.tiny(bert, Map.of()), 12);
    // the same mixer in the body gives the same output: every weight of the body is the baseline's
    assertThat(TextReferences.forward(again, TextReferences.tiny(again, Map.of()), 12)).containsExactly(reference);
    // another mixer on the same weights gives another output
    assertThat(TextReferences.maxAbsoluteDifference(reference,
        TextReferences.forward(moreHeads, TextReferences.tiny(moreHeads, Map.of()), 12))).isGreaterThan(1e-4);
  }

  @Test
  void aRealSweepOfBertAgainstItselfClaimsNoTippingPointInAnyOutput(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path folder) throws Exception {
    Profiler profiler = Profiler.builder().addProvider(new AttentionAgain()).build();
    attnprof.engine.result.SweepResult result = profiler.sweep(attnprof.engine.request.SweepRequest.builder()
        .variants("text/bert", "text/attention-again").preset("tiny").lengths(32, 64, 128)
        .modes(attnprof.api.Mode.INFERENCE).metrics("latency", "peak-memory").minTime(java.time.Duration.ofMillis(200))
        .forks(1).refine(attnprof.engine.request.SweepRequest.Refine.NONE).inProcess(true).outputDirectory(folder)
        // the subject is how "no tipping point" is written in every output: one in-process fork of a model against
        // itself can differ by a few percent (latency, and the allocator's peak after the other model's steps)
        .noise(0.10).build());

    assertThat(result.tippingPoints()).isNotEmpty().allSatisfy(point -> {
      assertThat(point.length()).as(point.toString()).isNaN();
      assertThat(point.ciLow()).isNaN();
      assertThat(point.ciHigh()).isNaN();
    });
    var csv = attnprof.engine.format.CsvFormat.parse(java.nio.file.Files.readString(
        folder.resolve("tipping-points.csv")));
    int length = csv.get(0).indexOf("length");
    assertThat(csv.subList(1, csv.size())).allSatisfy(line -> assertThat(line.get(length)).isIn("", "NaN"));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("results.json").toFile());
    assertThat(json.get("tippingPoints")).allSatisfy(point -> assertThat(point.get("length").isNumber()).isFalse());
    String report = java.nio.file.Files.readString(folder.resolve("index.html"));
    String table = report.substring(report.indexOf("id=\"tipping-table\""));
    assertThat(table.substring(0, table.indexOf("</table>"))).doesNotContainPattern("<td>\\d+ tokens</td>");
  }
}
