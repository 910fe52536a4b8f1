package attnprof.api.nn;

import attnprof.api.model.Component;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One Transformer encoder layer: a token mixer and a feed-forward network, each with a residual
 * connection and layer normalisation, placed after (BERT, HuBERT) or before (ViT) each sub-layer.
 * Scopes: {@code attention}, {@code feed_forward}, and {@code norm} for each normalisation and each
 * residual addition, whose weights are parts {@code attention_output} and {@code output} (post-norm) or
 * {@code before_attention} and {@code before_feed_forward} (pre-norm) so that every weight has its
 * own path.
 *
 * @param mixer the token mixer
 * @param feedForwardWidth the hidden width of the feed-forward network
 * @param preNorm whether normalisation comes before each sub-layer (else after the residual sum)
 * @param epsilon the layer normalisation epsilon
 *
 * @since API 1
 */
public record TransformerLayer(TokenMixer mixer, long feedForwardWidth, boolean preNorm, double epsilon) {

  /** Builds the layer in {@code net} (the caller names the layer's scope). */
  public Sequence apply(Net net, Sequence x) {
    return preNorm ? applyPreNorm(net, x) : applyPostNorm(net, x);
  }

  private Sequence applyPostNorm(Net net, Sequence x) {
    Operand<TFloat32> mixed = mixer.mix(net.in(Component.ATTENTION), x);
    Operand<TFloat32> afterMixer = addAndNorm(net.part("attention_output"), x.values(), mixed);
    Operand<TFloat32> fed = FeedForward.apply(net.in(Component.FEED_FORWARD), afterMixer, feedForwardWidth);
    return x.with(addAndNorm(net.part("output"), afterMixer, fed));
  }

  private Sequence applyPreNorm(Net net, Sequence x) {
    Operand<TFloat32> mixed = mixer.mix(net.in(Component.ATTENTION), x.with(norm(net.part("before_attention"), x.values())));
    Operand<TFloat32> afterMixer = residual(net, x.values(), mixed);
    Operand<TFloat32> fed = FeedForward.apply(net.in(Component.FEED_FORWARD),
        norm(net.part("before_feed_forward"), afterMixer), feedForwardWidth);
    return x.with(residual(net, afterMixer, fed));
  }

  /** A pre-norm residual addition, under {@code norm} as a post-norm layer's is. */
  private static Operand<TFloat32> residual(Net net, Operand<TFloat32> x, Operand<TFloat32> update) {
    return net.in(Component.NORM).tf().math.add(x, update);
  }

  private Operand<TFloat32> addAndNorm(Net net, Operand<TFloat32> residual, Operand<TFloat32> update) {
    Net place = net.in(Component.NORM);
    Ops tf = place.tf();
    return Layers.layerNorm(place, tf.math.add(residual, update), epsilon);
  }

  private Operand<TFloat32> norm(Net net, Operand<TFloat32> x) {
    return Layers.layerNorm(net.in(Component.NORM), x, epsilon);
  }
}
