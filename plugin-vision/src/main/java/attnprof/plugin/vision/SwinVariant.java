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
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code vision/swin}: the Swin Transformer. 4-pixel patches, four stages whose pre-norm layers
 * attend within 7x7 windows (every second layer with windows shifted by half a window), 2x2 patch
 * merging between stages (half the side, twice the width), a mean over the last grid and the
 * classification head. Attention costs grow linearly with the pixels.
 *
 * <p>As in the reference: a stage whose grid is no larger than the window uses one window of the
 * grid's size and no shift; larger grids that are not a multiple of the window are padded.
 */
public final class SwinVariant extends ImageVariant {
  static final String ID = "vision/swin";
  static final String HEADS = "heads";
  static final String WINDOW = "window";
  private static final double EPSILON = 1e-5;

  private static final VariantDescriptor DESCRIPTOR = againstVit(ID, "Swin",
      "Liu et al.: Swin Transformer: Hierarchical Vision Transformer using Shifted Windows, ICCV 2021",
      "attention within 7x7 windows, shifted every second layer, over a pyramid of four stages",
      List.of(
          new Preset(Preset.TINY, "embedding 16, one layer a stage, for tests", values(4, 16, "1,1,1,1", "1,2,2,4", 7, 10)),
          new Preset(Preset.SMALL, "embedding 48, depths 2,2,2,2, the default run",
              values(4, 48, "2,2,2,2", "2,4,8,16", 7, 1000)),
          new Preset(Preset.BASE, "Swin-T (swin-tiny-patch4-window7-224): depths 2,2,6,2, heads 3,6,12,24",
              values(4, 96, "2,2,6,2", "3,6,12,24", 7, 1000))),
      List.of(
          VisionParameters.PATCH_SPEC,
          VisionParameters.EMBEDDING_SPEC,
          VisionParameters.depths("layers"),
          ParameterSpec.text(HEADS, "attention heads of each stage, comma-separated"),
          ParameterSpec.integer(WINDOW, 1, "side of the attention windows, in cells"),
          VisionParameters.CLASSES_SPEC));

  public SwinVariant() {
    super(DESCRIPTOR);
  }

  private static Map<String, String> values(int patch, int embedding, String depths, String heads, int window,
      int classes) {
    return Preset.values(Map.of(), PATCH, String.valueOf(patch), EMBEDDING, String.valueOf(embedding), DEPTHS, depths,
        HEADS, heads, WINDOW, String.valueOf(window), VisionParameters.CLASSES, String.valueOf(classes));
  }

  @Override
  public void check(ModelConfig config) {
    List<Integer> depths = config.integers(DEPTHS);
    List<Integer> heads = config.integers(HEADS);
    if (depths.size() != heads.size()) {
      throw ProfilerException.user("depths and heads must have one entry a stage each, got " + depths.size()
          + " and " + heads.size());
    }
    VisionParameters.requireStageWidths(config, heads.size(), heads::get, "its heads");
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    check(config);
    List<Integer> depths = config.integers(DEPTHS);
    List<Integer> heads = config.integers(HEADS);
    int patch = config.integer(PATCH);
    int window = config.integer(WINDOW);
    Placeholder<TFloat32> image = ImageClassifier.image(tf, request, patch);
    Net root = Net.root(tf, request.seed());

    Net embedding = root.in(Component.EMBEDDING);
    Operand<TFloat32> grid = Grids.patches(embedding.part("patch"), image, patch, config.integer(EMBEDDING));
    grid = Layers.layerNorm(embedding.part("patch").in(Component.NORM), grid, EPSILON);
    List<String> notes = new ArrayList<>(notes(config));
    for (int stage = 0; stage < depths.size(); stage++) {
      if (stage > 0) {
        grid = Grids.merge(root.scope("stage_" + stage).in(Component.EMBEDDING), grid, EPSILON);
      }
      long[] dims = Layers.dims(grid);
      long side = dims[1];
      int stageWindow = (int) Math.min(window, side);
      if (side > window && side % window != 0) {
        notes.add("stage " + (stage + 1) + " pads its " + side + "x" + side + " grid to "
            + Grids.roundUp(side, window) + "x" + Grids.roundUp(side, window) + " for " + window + "x" + window
            + " windows");
      }
      Sequence x = Sequence.of(Grids.tokens(tf, grid));
      for (int i = 0; i < depths.get(stage); i++) {
        int shift = i % 2 == 1 && side > window ? window / 2 : 0;
        WindowAttention attention = new WindowAttention(heads.get(stage), stageWindow, shift, side, dims[2],
            Init.normal(Layers.INIT_STDDEV));
        x = new TransformerLayer(attention, 4 * dims[3], true, EPSILON)
            .apply(root.scope("stage_" + stage + "_layer_" + i), x);
      }
      grid = Grids.grid(tf, x.values(), side, dims[2]);
    }
    return classifyGrid(root, request, image, grid, EPSILON, notes);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("pre-norm layers with 4x feed-forward; a stage no larger than the window uses one window of its "
        + "size, unshifted; larger grids pad to a multiple of the window, padding not masked (as the reference)");
  }
}
