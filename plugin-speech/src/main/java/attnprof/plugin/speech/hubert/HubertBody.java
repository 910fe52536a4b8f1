package attnprof.plugin.speech.hubert;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.EncodedBody;

/**
 * HuBERT's body for any token mixer: {@code speech/hubert} is this body with multi-head attention.
 */
public final class HubertBody extends EncodedBody {
  public HubertBody() {
    super(BodyDescriptor.of(HubertVariant.ID), SpeechParameters.WIDTH, SpeechParameters.HEADS, SpeechEncoder::build);
  }
}
