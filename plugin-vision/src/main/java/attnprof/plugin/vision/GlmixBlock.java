package attnprof.plugin.vision;

import attnprof.api.model.Component;
import attnprof.api.nn.FeedForward;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One GLMix block on a grid {@code [batch, height, width, c]}: slots pooled from the block's input,
 * then on the normalised grid the sum of the global branch ({@link SemanticSlots}) and a local
 * branch (1x1 convolution, depthwise convolution, 1x1 convolution), added to the input; then a
 * pre-norm feed-forward network. Both branches count as {@code attention}: together they are the
 * block's token mixer.
 *
 * @param slots the global branch
 * @param slotSide the slots form a {@code slotSide x slotSide} grid (64 slots: 8)
 * @param localKernel side of the local branch's depthwise convolution
 * @param feedForwardWidth hidden width of the feed-forward network
 * @param epsilon the layer normalisation epsilon
 */
record GlmixBlock(SemanticSlots slots, int slotSide, int localKernel, long feedForwardWidth, double epsilon) {

  Operand<TFloat32> apply(Net net, Operand<TFloat32> grid) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(grid);
    Operand<TFloat32> tokens = Grids.tokens(tf, grid);
    Operand<TFloat32> normalized = Layers.layerNorm(net.part("before_attention").in(Component.NORM), tokens, epsilon);

    Net attention = net.in(Component.ATTENTION);
    Ops atf = attention.tf();
    Operand<TFloat32> initialSlots = SemanticSlots.adaptiveAveragePool(atf, grid, slotSide);
    Operand<TFloat32> global = slots.apply(attention, normalized, initialSlots);
    Operand<TFloat32> local = Grids.tokens(atf, local(attention, Grids.grid(atf, normalized, dims[1], dims[2])));
    Operand<TFloat32> mixed = net.in(Component.NORM).tf().math.add(tokens, atf.math.add(global, local));

    Operand<TFloat32> fed = FeedForward.apply(net.in(Component.FEED_FORWARD),
        Layers.layerNorm(net.part("before_feed_forward").in(Component.NORM), mixed, epsilon), feedForwardWidth);
    return Grids.grid(tf, net.in(Component.NORM).tf().math.add(mixed, fed), dims[1], dims[2]);
  }

  private Operand<TFloat32> local(Net net, Operand<TFloat32> grid) {
    long channels = Layers.dims(grid)[3];
    Operand<TFloat32> in = Layers.dense(net.part("local_in"), grid, channels);
    Operand<TFloat32> spread = Grids.depthwise(net.part("local_depthwise"), in, localKernel);
    return Layers.dense(net.part("local_out"), spread, channels);
  }

  /** The scale GLMix starts its similarities with: one over the square root of the width. */
  static Init initialScale(long width) {
    return Init.constant(1 / Math.sqrt(width));
  }
}
