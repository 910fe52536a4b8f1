package attnprof.plugin.vision;

import static attnprof.plugin.vision.VisionParameters.PATCH;
import static attnprof.plugin.vision.VisionParameters.EMBEDDING;
import static attnprof.plugin.vision.VisionParameters.DEPTHS;

import attnprof.api.ProfilerException;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TransformerLayer;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code vision/glmix}: GLNet with GLMix blocks, in the Swin-T-like layout of the paper's GLNet-STL:
 * a 4-pixel patch stem, four stages (each later one entered through a normalisation and a 2x2
 * stride-2 convolution that halves the side and doubles the width), GLMix blocks in all stages but
 * the last {@code attention_stages}, which use full self-attention on their small grid, then a
 * mean and the classification head.
 */
public final class GlmixVariant extends ImageVariant {
  static final String ID = "vision/glmix";
  static final String HEAD_WIDTH = "head_width";
  static final String SLOTS = "slots";
  static final String LOCAL_KERNEL = "local_kernel";
  static final String ATTENTION_STAGES = "attention_stages";
  private static final double EPSILON = 1e-6;

  private static final VariantDescriptor DESCRIPTOR = againstVit(ID, "GLMix",
      "Zhu, Wang, Ke, Lau: Revisiting the Integration of Convolution and Attention for Vision Backbone "
          + "(GLMix, GLNet), NeurIPS 2024",
      "a convolution on the fine grid for local features, attention among 64 soft-clustered semantic slots "
          + "for global ones",
      List.of(
          new Preset(Preset.TINY, "embedding 16, one block a stage, 4 slots, for tests",
              values(4, 16, "1,1,1,1", 8, 4, 3, 1, 10)),
          new Preset(Preset.SMALL, "embedding 48, depths 2,2,2,2, 64 slots, the default run",
              values(4, 48, "2,2,2,2", 24, 64, 5, 1, 1000)),
          new Preset(Preset.BASE, "GLNet-STL: depths 2,2,6,2, widths 96-768, head width 32, 64 slots",
              values(4, 96, "2,2,6,2", 32, 64, 5, 1, 1000))),
      List.of(
          VisionParameters.PATCH_SPEC,
          VisionParameters.EMBEDDING_SPEC,
          VisionParameters.depths("blocks"),
          ParameterSpec.integer(HEAD_WIDTH, 1, "width of each attention head (heads = width / head_width)"),
          ParameterSpec.integer(SLOTS, 1, "semantic slots, a square number"),
          ParameterSpec.integer(LOCAL_KERNEL, 1, "side of the local branch's depthwise convolution"),
          ParameterSpec.integer(ATTENTION_STAGES, 0, "last stages that use full self-attention instead of GLMix"),
          VisionParameters.CLASSES_SPEC));

  public GlmixVariant() {
    super(DESCRIPTOR);
  }

  private static Map<String, String> values(int patch, int embedding, String depths, int headWidth, int slots,
      int localKernel, int attentionStages, int classes) {
    return Preset.values(Map.of(), PATCH, String.valueOf(patch), EMBEDDING, String.valueOf(embedding), DEPTHS, depths,
        HEAD_WIDTH, String.valueOf(headWidth), SLOTS, String.valueOf(slots), LOCAL_KERNEL, String.valueOf(localKernel),
        ATTENTION_STAGES, String.valueOf(attentionStages), VisionParameters.CLASSES, String.valueOf(classes));
  }

  @Override
  public void check(ModelConfig config) {
    int slotSide = (int) Math.round(Math.sqrt(config.integer(SLOTS)));
    if (slotSide * slotSide != config.integer(SLOTS)) {
      throw ProfilerException.user("slots must be a square number (the slots start as a square pooling), got "
          + config.integer(SLOTS));
    }
    List<Integer> depths = config.integers(DEPTHS);
    if (config.integer(ATTENTION_STAGES) > depths.size()) {
      throw ProfilerException.user("attention_stages (" + config.integer(ATTENTION_STAGES) + ") is more than the "
          + depths.size() + " stages");
    }
    VisionParameters.requireStageWidths(config, depths.size(), stage -> config.integer(HEAD_WIDTH), "head_width");
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    check(config);
    List<Integer> depths = config.integers(DEPTHS);
    int slotSide = (int) Math.round(Math.sqrt(config.integer(SLOTS)));
    int headWidth = config.integer(HEAD_WIDTH);
    int patch = config.integer(PATCH);
    int glmixStages = depths.size() - config.integer(ATTENTION_STAGES);
    Placeholder<TFloat32> image = ImageClassifier.image(tf, request, patch);
    Net root = Net.root(tf, request.seed());

    Net stem = root.in(Component.EMBEDDING).part("stem");
    Operand<TFloat32> grid = Grids.patches(stem, image, patch, config.integer(EMBEDDING));
    grid = Layers.layerNorm(stem.in(Component.NORM), grid, EPSILON);
    for (int stage = 0; stage < depths.size(); stage++) {
      if (stage > 0) {
        Net transition = root.scope("stage_" + stage).in(Component.EMBEDDING).part("transition");
        long width = Layers.dims(grid)[3];
        Operand<TFloat32> normalized = Layers.layerNorm(transition.in(Component.NORM), grid, EPSILON);
        grid = Grids.patches(transition, normalized, 2, 2 * width);
      }
      long width = Layers.dims(grid)[3]; // a multiple of the head width: check() saw to it
      long heads = width / headWidth;
      for (int i = 0; i < depths.get(stage); i++) {
        Net block = root.scope("stage_" + stage + "_block_" + i);
        if (stage < glmixStages) {
          SemanticSlots slots = new SemanticSlots(heads, GlmixBlock.initialScale(width));
          grid = new GlmixBlock(slots, slotSide, config.integer(LOCAL_KERNEL), 4 * width, EPSILON).apply(block, grid);
        } else {
          long[] dims = Layers.dims(grid);
          Sequence x = Sequence.of(Grids.tokens(tf, grid));
          x = new TransformerLayer(new MultiHeadAttention(heads), 4 * width, true, EPSILON).apply(block, x);
          grid = Grids.grid(tf, x.values(), dims[1], dims[2]);
        }
      }
    }
    return classifyGrid(root, request, image, grid, EPSILON, notes(config));
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("layer normalisation where GLNet uses batch normalisation (the same parameter count); slots "
        + "start as an adaptive average pooling of each block's input, as in GLNet-STL");
  }
}
