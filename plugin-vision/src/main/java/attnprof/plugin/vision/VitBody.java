package attnprof.plugin.vision;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.EncodedBody;

/**
 * ViT's body for any token mixer: {@code vision/vit} is this body with multi-head attention.
 */
public final class VitBody extends EncodedBody {
  public VitBody() {
    super(BodyDescriptor.of(VitVariant.ID), WIDTH, HEADS, VitVariant::build);
  }
}
