package attnprof.plugin.vision;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.EncodedBody;

/**
 * ViT's body for any token mixer: {@code vision/vit} is this body with multi-head attention.
 */
public final class VitBody extends EncodedBody {
  public VitBody() {
    super(BodyDescriptor.of(VitVariant.ID), VitVariant.WIDTH, VitVariant.HEADS, VitVariant::build);
  }
}
