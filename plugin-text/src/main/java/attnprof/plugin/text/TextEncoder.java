package attnprof.plugin.text;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.FEED_FORWARD;
import static attnprof.api.model.LayerParameters.LAYERS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.Mode;
import attnprof.api.input.InputSpec;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelInput;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import attnprof.api.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The BERT-style encoder every text variant shares: token, position and segment embeddings with
 * layer normalisation, post-norm Transformer layers with a variant's token mixer, an optional
 * pooler, and for training a two-class classification head with a softmax cross-entropy loss (as
 * in sequence-classification fine-tuning). The position table grows to the input's length when the
 * input is longer than the configured positions.
 */
final class TextEncoder {
  static final String TOKEN_IDS = "token_ids";
  private static final double LAYER_NORM_EPSILON = 1e-12;
  private static final int CLASSES = 2;
  /** The id a padded position holds: RoBERTa's and Longformer's padding token. */
  private static final int PAD_ID = 1;

  private TextEncoder() {
  }

  /** Builds the encoder with a token mixer made per layer. */
  static BuiltModel build(Ops tf, BuildRequest request, java.util.function.IntFunction<TokenMixer> mixerOfLayer,
      List<String> notes) {
    return build(tf, request, mixerOfLayer, notes, request.wholeLength());
  }

  /**
   * Builds the encoder on an input padded to {@code paddedTokens} before the embeddings, as a model
   * that pads its whole input does: every layer runs on the padded length, the mixers treat the
   * padding as absent, and the output keeps the real tokens only.
   */
  static BuiltModel build(Ops tf, BuildRequest request, java.util.function.IntFunction<TokenMixer> mixerOfLayer,
      List<String> notes, int paddedTokens) {
    ModelConfig config = request.config();
    int tokens = request.wholeLength();
    if (paddedTokens < tokens) {
      throw new IllegalArgumentException("padded length " + paddedTokens + " is below the input's " + tokens);
    }
    long vocabulary = config.integer(TextParameters.VOCABULARY);
    long width = config.integer(WIDTH);
    Shape shape = Shape.of(request.batch(), tokens);
    Placeholder<TInt32> ids = tf.withName(TOKEN_IDS).placeholder(TInt32.class, Placeholder.shape(shape));

    Net root = Net.root(tf, request.seed());
    List<String> allNotes = new ArrayList<>(notes);
    Operand<TInt32> paddedIds = paddedTokens == tokens ? ids
        : tf.pad(ids, tf.constant(new int[][] {{0, 0}, {0, paddedTokens - tokens}}), tf.constant(PAD_ID));
    Operand<TFloat32> embedded = embed(root.in(Component.EMBEDDING), paddedIds, config, paddedTokens, allNotes);
    Sequence x = new Sequence(embedded, tokens);
    for (int layer = 0; layer < config.integer(LAYERS); layer++) {
      TransformerLayer block = new TransformerLayer(mixerOfLayer.apply(layer), config.integer(FEED_FORWARD),
          false, LAYER_NORM_EPSILON);
      x = block.apply(root.scope("layer_" + layer), x);
    }
    Operand<TFloat32> output = paddedTokens == tokens ? x.values() : Layers.sliceAxis(tf, x.values(), 1, 0, tokens);
    Operand<TFloat32> loss = null;
    if (request.mode() == Mode.TRAINING || config.integer(TextParameters.POOLER) == 1) {
      Net other = root.in(Component.OTHER);
      Operand<TFloat32> first = Layers.reshape(tf, Layers.sliceAxis(other.tf(), output, 1, 0, 1), request.batch(), width);
      Operand<TFloat32> pooled = config.integer(TextParameters.POOLER) == 1
          ? other.tf().math.tanh(Layers.dense(other.part("pooler"), first, width))
          : first;
      if (request.mode() == Mode.TRAINING) {
        loss = classificationLoss(other.part("head"), pooled, request.batch());
      }
    }
    InputSpec spec = new InputSpec(TOKEN_IDS, TInt32.class, shape, vocabulary);
    return new BuiltModel(List.of(new ModelInput(spec, ids)), output, loss, allNotes);
  }

  private static Operand<TFloat32> embed(Net net, Operand<TInt32> ids, ModelConfig config, int tokens,
      List<String> notes) {
    Ops tf = net.tf();
    long width = config.integer(WIDTH);
    long positions = config.integer(TextParameters.POSITIONS);
    if (tokens > positions) {
      notes.add("position table grown from " + positions + " to " + tokens + " rows for a " + tokens + "-token input");
      positions = tokens;
    }
    int[] positionIds = new int[tokens];
    for (int i = 0; i < tokens; i++) {
      positionIds[i] = i;
    }
    Operand<TFloat32> words = Layers.embedding(net, "word_embeddings", ids, config.integer(TextParameters.VOCABULARY), width);
    Operand<TFloat32> position = Layers.embedding(net, "position_embeddings", tf.constant(positionIds), positions, width);
    // every token is in segment 0
    Operand<TFloat32> segment = Layers.embedding(net, "token_type_embeddings", tf.constant(0),
        config.integer(TextParameters.SEGMENTS), width);
    Operand<TFloat32> sum = tf.math.add(tf.math.add(words, position), segment);
    return Layers.layerNorm(net.in(Component.NORM), sum, LAYER_NORM_EPSILON);
  }

  private static Operand<TFloat32> classificationLoss(Net net, Operand<TFloat32> pooled, int batch) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = Layers.dense(net, pooled, CLASSES);
    float[][] labels = new float[batch][CLASSES];
    for (float[] label : labels) {
      label[0] = 1f;
    }
    Operand<TFloat32> perExample = tf.nn.softmaxCrossEntropyWithLogits(logits, tf.constant(labels)).loss();
    return tf.math.mean(perExample, tf.constant(0));
  }
}
