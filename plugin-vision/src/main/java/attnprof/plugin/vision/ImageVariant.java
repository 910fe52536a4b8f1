package attnprof.plugin.vision;

import attnprof.api.Modality;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.Component;
import attnprof.api.model.DescribedVariant;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A vision variant: its image is padded to a whole number of patches and classified from its final features. */
abstract class ImageVariant extends DescribedVariant {
  ImageVariant(VariantDescriptor descriptor) {
    super(descriptor);
  }

  /** The descriptor of another vision backbone, compared with {@code vision/vit}. */
  static VariantDescriptor againstVit(String id, String displayName, String paper, String summary,
      List<Preset> presets, List<ParameterSpec> parameters) {
    return new VariantDescriptor(id, displayName, Modality.VISION, VitVariant.ID, paper, summary, presets, parameters);
  }

  @Override
  public double paddedLength(ModelConfig config, double length) {
    return VisionParameters.paddedSide(config, length);
  }

  /** The head of a hierarchical backbone: the final norm over the grid's cells, their mean, the classifier. */
  static BuiltModel classifyGrid(Net root, BuildRequest request, Placeholder<TFloat32> image, Operand<TFloat32> grid,
      double epsilon, List<String> notes) {
    Operand<TFloat32> normalized = Layers.layerNorm(root.part("final").in(Component.NORM),
        Grids.tokens(root.tf(), grid), epsilon);
    return ImageClassifier.classify(root, request, image, Grids.meanOfTokens(root.in(Component.OTHER).tf(), normalized),
        request.config().integer(VisionParameters.CLASSES), notes);
  }
}
