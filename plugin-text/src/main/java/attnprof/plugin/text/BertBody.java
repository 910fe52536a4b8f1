package attnprof.plugin.text;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.ConfiguredBody;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * BERT's body for any token mixer: {@code text/bert} is this body with multi-head attention.
 */
public final class BertBody extends ConfiguredBody {
  public BertBody() {
    super(BodyDescriptor.of(BertVariant.ID), TextParameters.WIDTH, TextParameters.HEADS);
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes) {
    return TextEncoder.build(tf, request, mixerOfLayer, notes);
  }
}
