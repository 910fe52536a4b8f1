package attnprof.api.model;

import attnprof.api.ProfilerException;
import attnprof.api.nn.ChunkedAttention;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a vanilla body computes its exact softmax attention, named alike on every such body (BERT, HuBERT, ViT, the
 * Conformers): {@code attention=dense} forms the whole queries x keys matrix at once, as the 2017 Transformer and
 * the study's baseline do (memory grows with the square of the length); {@code attention=chunked} computes the
 * same function a chunk of {@code query_chunk} queries against chunks of {@code key_chunk} keys at a time with a
 * running softmax ({@link ChunkedAttention}, Rabe and Staats 2021, as FlashAttention does in one kernel), so that
 * inference memory grows linearly. Dense is every preset's default.
 *
 * @since API 4
 */
public final class AttentionParameters {
  /** {@value #DENSE} or {@value #CHUNKED}. */
  public static final String ATTENTION = "attention";
  /** Queries per chunk when chunked. */
  public static final String QUERY_CHUNK = "query_chunk";
  /** Keys per chunk when chunked. */
  public static final String KEY_CHUNK = "key_chunk";
  /** The whole matrix at once. */
  public static final String DENSE = "dense";
  /** In chunks, with a running softmax. */
  public static final String CHUNKED = "chunked";

  /**
   * Rabe and Staats's key chunk, 4096: up to it, a query chunk's scores take one fused softmax as dense attention's
   * do; their query chunk is 1024, a quarter of it keeps a chunk's scores in a CPU's caches.
   */
  static final long DEFAULT_QUERY_CHUNK = 256;
  static final long DEFAULT_KEY_CHUNK = 4096;

  /**
   * What chunked attention costs in training, said in {@code describe}: TensorFlow Java 1.1.0 cannot give a
   * function a custom gradient (only ops that have none), so the backward pass keeps what every chunk computed.
   */
  public static final String TRAINING_NOTE = "chunked attention in training: TensorFlow Java 1.1.0 cannot give the "
      + "chunk a custom gradient that recomputes it in the backward pass (it registers gradients only for ops that "
      + "have none), so training keeps every chunk's probabilities and its memory still grows with the square of "
      + "the length (measured: text/bert small, 631 MiB at 2048 tokens against dense's 704 MiB); only inference "
      + "memory grows linearly";

  private AttentionParameters() {
  }

  /** The three parameters' specs: attention, query_chunk, key_chunk. */
  public static List<ParameterSpec> specs() {
    return List.of(
        ParameterSpec.text(ATTENTION, "exact softmax attention computed " + DENSE + " (the whole queries x keys "
            + "matrix at once, the study's baseline) or " + CHUNKED + " (query and key chunks with a running softmax: "
            + "the same function, inference memory linear in the length)"),
        ParameterSpec.integer(QUERY_CHUNK, 1, "queries per chunk when attention=" + CHUNKED),
        ParameterSpec.integer(KEY_CHUNK, 1, "keys per chunk when attention=" + CHUNKED));
  }

  /** {@code preset} with the defaults of the three parameters added: dense, and the chunks chunked would use. */
  public static Map<String, String> withDefaults(Map<String, String> preset) {
    Map<String, String> values = new LinkedHashMap<>(preset);
    values.put(ATTENTION, DENSE);
    values.put(QUERY_CHUNK, String.valueOf(DEFAULT_QUERY_CHUNK));
    values.put(KEY_CHUNK, String.valueOf(DEFAULT_KEY_CHUNK));
    return values;
  }

  /** The defaults as name, value pairs, as {@link Preset#values(Map, String...)} takes a preset's own values. */
  public static String[] defaultPairs() {
    return withDefaults(Map.of()).entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  /** {@code specs} followed by the three parameters. */
  public static List<ParameterSpec> plus(List<ParameterSpec> specs) {
    return ParameterSpec.concat(specs, specs().toArray(ParameterSpec[]::new));
  }

  /**
   * The chunks a configuration computes its attention in, or null for dense (and for a configuration without these
   * parameters, such as another mixer's on the same body).
   *
   * @throws ProfilerException a user error when {@code attention} is neither {@value #DENSE} nor {@value #CHUNKED}
   */
  public static ChunkedAttention chunks(ModelConfig config) {
    String attention = config.values().getOrDefault(ATTENTION, DENSE);
    if (attention.equals(DENSE)) {
      return null;
    }
    if (attention.equals(CHUNKED)) {
      return new ChunkedAttention(config.integer(QUERY_CHUNK), config.integer(KEY_CHUNK));
    }
    throw ProfilerException.user("parameter `" + ATTENTION + "` is " + DENSE + " or " + CHUNKED + ", got `"
        + attention + "`");
  }

  /** Checks the configuration's attention parameters: a user error for an unknown kind of attention. */
  public static void check(ModelConfig config) {
    chunks(config);
  }

  /** A body's notes, followed by what chunked attention does in training when the configuration chunks it. */
  public static List<String> notes(ModelConfig config, List<String> bodyNotes) {
    if (!chunked(config)) {
      return bodyNotes;
    }
    List<String> notes = new java.util.ArrayList<>(bodyNotes);
    notes.add(TRAINING_NOTE);
    return List.copyOf(notes);
  }

  /** Whether a configuration computes its attention in chunks. */
  public static boolean chunked(ModelConfig config) {
    return chunks(config) != null;
  }
}
