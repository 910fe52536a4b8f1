package attnprof.plugin.vision;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.ConfiguredBody;

/**
 * ViT's body for any token mixer: {@code vision/vit} is this body with multi-head attention.
 */
public final class VitBody extends ConfiguredBody {
  public VitBody() {
    super(BodyDescriptor.of(VitVariant.ID), VitVariant.WIDTH, VitVariant.HEADS, VitVariant::build);
  }
}
