package attnprof.plugin.speech.hubert;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.EncodedBody;

/**
 * HuBERT's body for any token mixer: {@code speech/hubert} is this body with multi-head attention.
 */
public final class HubertBody extends EncodedBody {
  public HubertBody() {
    super(BodyDescriptor.of(HubertVariant.ID), WIDTH, HEADS, SpeechEncoder::build);
  }
}
