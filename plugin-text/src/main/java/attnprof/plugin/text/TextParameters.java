package attnprof.plugin.text;


import attnprof.api.model.LayerParameters;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import java.util.List;
import java.util.Map;

/** The parameters every text encoder has, and the preset values its shapes share. */
final class TextParameters {
  static final String VOCABULARY = "vocabulary";
  static final String POSITIONS = "positions";
  static final String SEGMENTS = "segments";
  static final String POOLER = "pooler";

  static final List<ParameterSpec> ENCODER = ParameterSpec.concat(LayerParameters.specs("Transformer"),
      ParameterSpec.integer(VOCABULARY, 1, "token vocabulary size"),
      ParameterSpec.integer(POSITIONS, 1, "rows of the learned position table (grown to the input when it is longer)"),
      ParameterSpec.integer(SEGMENTS, 1, "rows of the segment (token type) table"),
      ParameterSpec.flag(POOLER, "1 for a dense tanh pooler on the first token, 0 for none"));

  private TextParameters() {
  }

  /** The encoder sizes of a preset: BERT-like bodies of three sizes. */
  static Map<String, String> encoder(long vocabulary, long positions, long segments, long layers, long width,
      long heads, long feedForward, boolean pooler) {
    Map<String, String> values = LayerParameters.values(width, layers, heads, feedForward);
    values.put(VOCABULARY, String.valueOf(vocabulary));
    values.put(POSITIONS, String.valueOf(positions));
    values.put(SEGMENTS, String.valueOf(segments));
    values.put(POOLER, pooler ? "1" : "0");
    return values;
  }

  /** The tiny body of tests. */
  static Map<String, String> tiny() {
    return encoder(1000, 128, 2, 2, 32, 2, 64, true);
  }

  /** The small body of the default run: BERT's vocabulary, a quarter of its width, a third of its depth. */
  static Map<String, String> small() {
    return encoder(30522, 512, 2, 4, 256, 4, 1024, true);
  }

  /** bert-base-uncased. */
  static Map<String, String> bertBase() {
    return encoder(30522, 512, 2, 12, 768, 12, 3072, true);
  }

  /**
   * The presets of BERT's body with another attention: {@code tiny} and {@code small} on BERT's bodies, {@code base}
   * on the published model's; each adds the attention's own values (name, value, ...), described in a few words.
   */
  static List<Preset> presets(String tinyAttention, String[] tinyOwn, String smallAttention, String[] smallOwn,
      String baseNote, Map<String, String> baseBody, String[] baseOwn) {
    return List.of(
        new Preset(Preset.TINY, "2 layers of width 32, " + tinyAttention + ", for tests",
            Preset.values(tiny(), tinyOwn)),
        new Preset(Preset.SMALL, "BERT's small body with " + smallAttention
            + ": differences come from the attention alone", Preset.values(small(), smallOwn)),
        new Preset(Preset.BASE, baseNote, Preset.values(baseBody, baseOwn)));
  }

  /** The encoder's parameters followed by a variant's own. */
  static List<ParameterSpec> plus(ParameterSpec... own) {
    return ParameterSpec.concat(ENCODER, own);
  }
}
