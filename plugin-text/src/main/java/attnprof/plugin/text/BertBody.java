package attnprof.plugin.text;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.EncodedBody;

/**
 * BERT's body for any token mixer: {@code text/bert} is this body with multi-head attention.
 */
public final class BertBody extends EncodedBody {
  public BertBody() {
    super(BodyDescriptor.of(BertVariant.ID), TextParameters.WIDTH, TextParameters.HEADS, TextEncoder::build);
  }
}
