package attnprof.plugin.speech.brq;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.ConfiguredBody;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * The BEST-RQ Conformer's body for any token mixer, as its built-in efficient variants use it: sinusoidal
 * positions added after the front end (the MHSA baseline uses relative positions inside its attention
 * instead). Composed variants are named {@code speech/brq-MIXER}.
 */
public final class BrqBody extends ConfiguredBody {
  public BrqBody() {
    super(BodyDescriptor.of(BrqMhsaVariant.ID).withPrefix("brq-"), WIDTH, HEADS);
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes) {
    return BrqConformer.build(tf, request, mixerOfLayer, BrqConformer.Positions.SINUSOIDAL, notes);
  }
}
