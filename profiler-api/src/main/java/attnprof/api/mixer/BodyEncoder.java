package attnprof.api.mixer;

import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * The function that builds a vanilla model's body with a given mixer in each layer, {@link MixerBody#build}'s
 * signature: one per modality plugin, shared by the vanilla variant, its {@link EncodedBody} and every variant of
 * the body with another mixer.
 *
 * @since API 4
 */
@FunctionalInterface
public interface BodyEncoder {
  /** Builds the model with {@code mixerOfLayer}'s mixer in each layer; {@code notes} go into the built model's. */
  BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes);
}
