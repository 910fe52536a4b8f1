package attnprof.plugin.vision;

import attnprof.api.mixer.BodyDescriptor;
import attnprof.api.mixer.ConfiguredBody;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * ViT's body for any token mixer: {@code vision/vit} is this body with multi-head attention.
 */
public final class VitBody extends ConfiguredBody {
  public VitBody() {
    super(BodyDescriptor.of(VitVariant.ID), VitVariant.WIDTH, VitVariant.HEADS);
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes) {
    return VitVariant.build(tf, request, mixerOfLayer, notes);
  }
}
