package attnprof.plugin.speech.hubert;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.ConfiguredBody;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * HuBERT's body for any token mixer: {@code speech/hubert} is this body with multi-head attention.
 */
public final class HubertBody extends ConfiguredBody {
  public HubertBody() {
    super(BodyDescriptor.of(HubertVariant.ID), SpeechParameters.WIDTH, SpeechParameters.HEADS);
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes) {
    return SpeechEncoder.build(tf, request, mixerOfLayer, notes);
  }
}
