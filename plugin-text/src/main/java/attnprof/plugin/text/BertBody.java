package attnprof.plugin.text;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.EncodedBody;

/**
 * BERT's body for any token mixer: {@code text/bert} is this body with multi-head attention.
 */
public final class BertBody extends EncodedBody {
  public BertBody() {
    super(BodyDescriptor.of(BertVariant.ID), WIDTH, HEADS, TextEncoder::build);
  }
}
