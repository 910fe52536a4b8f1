package attnprof.api.mixer;

import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * The body of a vanilla model with its token mixer left open: what a modality plugin offers so that every
 * {@link MixerProvider} runs on it. Declared with {@code provides attnprof.api.mixer.MixerBody with ...}.
 *
 * <p>A body promises: built with the mixer its baseline uses, it is the baseline, weight for weight (the
 * same names, the same seed); built with another, only the mixers differ. Its parameters and presets are
 * its baseline variant's, which the engine finds by {@link BodyDescriptor#baseline()}.
 *
 * @since API 2
 */
public interface MixerBody {
  /** Which vanilla variant this is the body of, and the prefix of composed variants' names. */
  BodyDescriptor descriptor();

  /** The width of the tokens its layers' mixers receive. */
  long width(ModelConfig config);

  /** Its layers' attention heads. */
  long heads(ModelConfig config);

  /**
   * Builds the model with {@code mixerOfLayer}'s mixer in each layer, as its baseline builds it otherwise.
   *
   * @param notes the mixer's notes, to put before the body's own
   */
  BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes);
}
