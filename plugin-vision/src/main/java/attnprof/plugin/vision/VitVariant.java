package attnprof.plugin.vision;

import static attnprof.api.model.LayerParameters.FEED_FORWARD;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.LAYERS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.model.LayerParameters;
import static attnprof.plugin.vision.VisionParameters.PATCH;

import attnprof.api.Modality;
import attnprof.api.model.AttentionParameters;
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
import attnprof.api.nn.MultiHeadAttention;
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
 * {@code vision/vit}: the Vision Transformer, the vision baseline. Non-overlapping patches become
 * tokens, a class token joins them, learned position embeddings (resized to the input's grid) are
 * added, and pre-norm Transformer layers let every token attend to every other: (side / patch)²
 * tokens, so attention's cost grows with the fourth power of the side. The class token's final
 * state, normalised, feeds the classification head.
 */
public final class VitVariant extends ImageVariant {
  static final String ID = "vision/vit";
  static final String POSITION_GRID = "position_grid";
  private static final double EPSILON = 1e-6;

  private static final List<ParameterSpec> PARAMETERS = AttentionParameters.plus(ParameterSpec.concat(
      LayerParameters.specs("Transformer"), VisionParameters.PATCH_SPEC,
      ParameterSpec.integer(POSITION_GRID, 1, "side of the patch grid the position embeddings are learned for "
          + "(resized to other grids)"),
      VisionParameters.CLASSES_SPEC));

  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "ViT", Modality.VISION, "",
      "Dosovitskiy et al.: An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale, ICLR 2021",
      "16-pixel patches as tokens with a class token; every token attends to every other",
      List.of(
          new Preset(Preset.TINY, "width 32, 2 layers, for tests", values(16, 32, 2, 2, 64, 4, 10)),
          new Preset(Preset.SMALL, "ViT-Ti/16 width (192, 3 heads) with 6 layers, the default run",
              values(16, 192, 6, 3, 768, 14, 1000)),
          new Preset(Preset.BASE, "ViT-B/16 (vit-base-patch16-224, ImageNet-1k head)",
              values(16, 768, 12, 12, 3072, 14, 1000))),
      PARAMETERS);

  public VitVariant() {
    super(DESCRIPTOR);
  }

  private static Map<String, String> values(int patch, int width, int layers, int heads, int feedForward,
      int positionGrid, int classes) {
    return Preset.values(AttentionParameters.withDefaults(Map.of()), PATCH, String.valueOf(patch), WIDTH, String.valueOf(width), LAYERS,
        String.valueOf(layers), HEADS, String.valueOf(heads), FEED_FORWARD, String.valueOf(feedForward),
        POSITION_GRID, String.valueOf(positionGrid), VisionParameters.CLASSES, String.valueOf(classes));
  }

  @Override
  public void check(ModelConfig config) {
    config.requireMultiple(WIDTH, HEADS);
    AttentionParameters.check(config);
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(new MultiHeadAttention(config.integer(HEADS), AttentionParameters.chunks(config)));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    MultiHeadAttention attention = (MultiHeadAttention) tokenMixer(request.config()).orElseThrow();
    return build(tf, request, layer -> attention, List.of());
  }

  /** ViT with {@code mixerOfLayer}'s token mixer in each layer ({@link VitBody}). */
  static BuiltModel build(Ops tf, BuildRequest request, java.util.function.IntFunction<attnprof.api.nn.TokenMixer>
      mixerOfLayer, List<String> mixerNotes) {
    ModelConfig config = request.config();
    int patch = config.integer(PATCH);
    long width = config.integer(WIDTH);
    Placeholder<TFloat32> image = ImageClassifier.image(tf, request, patch);
    Net root = Net.root(tf, request.seed());

    Net embedding = root.in(Component.EMBEDDING);
    Operand<TFloat32> grid = Grids.patches(embedding.part("patch"), image, patch, width);
    long side = Layers.dims(grid)[1];
    Operand<TFloat32> patches = Grids.tokens(tf, grid);
    Operand<TFloat32> classToken = embedding.weight("class_token", Init.normal(Layers.INIT_STDDEV), 1, 1, width);
    Operand<TFloat32> classTokens = tf.broadcastTo(classToken, Layers.ints(tf, request.batch(), 1, width));
    Operand<TFloat32> tokens = tf.concat(List.of(classTokens, patches), tf.constant(1));
    tokens = embedding.tf().math.add(tokens, PositionEmbedding.apply(embedding, config.integer(POSITION_GRID), side, width));

    Sequence x = Sequence.of(tokens);
    for (int i = 0; i < config.integer(LAYERS); i++) {
      x = new TransformerLayer(mixerOfLayer.apply(i), config.integer(FEED_FORWARD), true, EPSILON)
          .apply(root.scope("layer_" + i), x);
    }
    Operand<TFloat32> normalized = Layers.layerNorm(root.part("final").in(Component.NORM), x.values(), EPSILON);
    Operand<TFloat32> classState = Layers.reshape(tf, Layers.sliceAxis(tf, normalized, 1, 0, 1), request.batch(), width);
    List<String> notes = new ArrayList<>(mixerNotes);
    notes.addAll(notes(config, request.wholeLength()));
    return ImageClassifier.classify(root, request, image, classState, config.integer(VisionParameters.CLASSES), notes);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return AttentionParameters.notes(config, notes(config, 0));
  }

  private static List<String> notes(ModelConfig config, int side) {
    List<String> notes = new ArrayList<>();
    int patch = config.integer(PATCH);
    int learned = config.integer(POSITION_GRID);
    notes.add("pre-norm layers, class token, " + config.integer(VisionParameters.CLASSES) + "-class head; "
        + "position embeddings learned for a " + learned + "x" + learned + " grid, resized bilinearly");
    if (side > 0 && side % patch != 0) {
      notes.add("the image pads " + side + " to " + Grids.roundUp(side, patch) + " pixels, a multiple of the "
          + patch + "-pixel patch");
    }
    if (side > 0) {
      long tokens = Grids.roundUp(side, patch) / patch;
      notes.add(tokens * tokens + 1 + " tokens");
    }
    return notes;
  }
}
