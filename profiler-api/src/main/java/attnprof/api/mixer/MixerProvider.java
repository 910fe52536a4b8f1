package attnprof.api.mixer;

import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import java.util.List;

/**
 * A token mixer (self-attention, or an efficient substitute for it) that a plugin writes once and the
 * engine runs on the body of every vanilla model of the modalities it supports. Declared with
 * {@code provides attnprof.api.mixer.MixerProvider with ...}.
 *
 * <p>The engine composes the mixer with each {@link MixerBody} of a supported modality into a variant
 * {@code MODALITY/ID} (or {@code MODALITY/PREFIX-ID} for a body with a prefix, such as the BEST-RQ
 * Conformer's {@code speech/brq-ID}), whose baseline is that body's vanilla model; a mixer that names bodies
 * ({@link MixerDescriptor#bodies}) runs on those alone. The composed model's
 * body builds its weights from the same seed and names as the baseline's, so the two differ in the mixer
 * alone.
 *
 * <p>A provider promises: {@link #create} returns a mixer that keeps the body's width (its output is its
 * input's shape, {@code [batch, tokens, context.width()]}), treats padding tokens as absent (no real token's
 * output depends on them) and outputs finite values at padding positions too (see {@link TokenMixer}); {@link #check} refuses, with a
 * {@link attnprof.api.ProfilerException#user user error} that names the parameter, what {@link #create}
 * cannot build, without building anything.
 *
 * @since API 2
 */
public interface MixerProvider {
  /** The mixer's id, paper, modalities and parameters. Must be cheap and always the same. */
  MixerDescriptor descriptor();

  /** Makes the mixer of one layer of a body (called once per layer, inside the graph being built). */
  TokenMixer create(MixerContext context);

  /**
   * Checks a configuration before any graph is built, such as a width that must be a multiple of the
   * heads. The default accepts everything.
   */
  default void check(MixerContext context) {
  }

  /** What a reader of results should know about this mixer in a configuration. */
  default List<String> notes(ModelConfig config) {
    return List.of();
  }
}
