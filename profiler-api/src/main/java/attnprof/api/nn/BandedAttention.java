package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Sliding-window attention computed block by block: each token attends to the keys at most
 * {@code oneSidedWindow} positions away. The sequence is cut into blocks of {@code oneSidedWindow}
 * tokens; each block's queries meet the keys of the previous, the same and the next block, and a
 * band mask keeps the keys in reach. Scores take {@code tokens x 3 x oneSidedWindow} memory, never
 * {@code tokens x tokens}.
 *
 * <p>This object holds the static layout for one sequence length; its methods build ops.
 *
 * @since API 1
 */
public final class BandedAttention {
  private final long tokens;
  private final long valid;
  private final long oneSided;
  private final long excludedLeadingKeys;
  private final long blockSize;
  private final long blocks;

  /**
   * @param tokens the sequence length (padding included)
   * @param valid how many leading tokens are real keys
   * @param oneSidedWindow how far a token sees on each side, at least 1
   * @param excludedLeadingKeys how many leading keys to leave out of the band (Longformer's global
   *     tokens, which every token reaches by another path)
   */
  public BandedAttention(long tokens, long valid, long oneSidedWindow, long excludedLeadingKeys) {
    if (oneSidedWindow < 1) {
      throw new IllegalArgumentException("the one-sided window must be at least 1: " + oneSidedWindow);
    }
    this.tokens = tokens;
    this.valid = valid;
    this.oneSided = oneSidedWindow;
    this.excludedLeadingKeys = excludedLeadingKeys;
    // a block as long as the window, or one block holding everything when the window is longer
    this.blockSize = Math.min(oneSidedWindow, tokens);
    this.blocks = (tokens + blockSize - 1) / blockSize;
  }

  /** Tokens per block. */
  public long blockSize() {
    return blockSize;
  }

  /** The number of blocks. */
  public long blocks() {
    return blocks;
  }

  /** The length the sequence is padded to: a whole number of blocks. */
  public long paddedTokens() {
    return blocks * blockSize;
  }

  /** {@code [batch, heads, tokens, d]} to blocks {@code [batch, heads, blocks, blockSize, d]}. */
  public Operand<TFloat32> toBlocks(Ops tf, Operand<TFloat32> x) {
    long[] dims = Layers.dims(x);
    Operand<TFloat32> padded = Layers.padAxis(tf, x, 2, 0, paddedTokens() - tokens);
    return Layers.reshape(tf, padded, dims[0], dims[1], blocks, blockSize, dims[3]);
  }

  /** Blocks back to {@code [batch, heads, tokens, d]}, padding removed. */
  public Operand<TFloat32> fromBlocks(Ops tf, Operand<TFloat32> blocked) {
    long[] dims = Layers.dims(blocked);
    Operand<TFloat32> flat = Layers.reshape(tf, blocked, dims[0], dims[1], paddedTokens(), dims[4]);
    return paddedTokens() == tokens ? flat : Layers.sliceAxis(tf, flat, 2, 0, tokens);
  }

  /**
   * Each block's neighbourhood, the previous, same and next block side by side:
   * {@code [batch, heads, blocks, 3 x blockSize, d]} from blocks (one gather of the padded blocks).
   */
  public Operand<TFloat32> neighbourhoods(Ops tf, Operand<TFloat32> blocked) {
    long[] dims = Layers.dims(blocked);
    Operand<TFloat32> padded = Layers.padAxis(tf, blocked, 2, 1, 1);
    int[][] triples = new int[Math.toIntExact(blocks)][3];
    for (int b = 0; b < blocks; b++) {
      triples[b] = new int[] {b, b + 1, b + 2};
    }
    Operand<TFloat32> gathered = tf.gather(padded, tf.constant(triples), tf.constant(2));
    return Layers.reshape(tf, gathered, dims[0], dims[1], blocks, 3 * blockSize, dims[4]);
  }

  /**
   * The band mask as an additive bias {@code [blocks, blockSize, 3 x blockSize]}: one constant that
   * every layer of the model with this layout shares (it grows with the input).
   */
  public Operand<TFloat32> bandBias(Net net) {
    return bandBias(net, 0);
  }

  /** The band mask after {@code shared} leading keys that every query reaches. */
  private Operand<TFloat32> bandBias(Net net, long shared) {
    return net.shared("banded-attention-bias/" + tokens + "/" + valid + "/" + oneSided + "/" + excludedLeadingKeys
        + (shared == 0 ? "" : "/shared-" + shared), tf -> bandBiasConstant(tf, Math.toIntExact(shared)));
  }

  private Operand<TFloat32> bandBiasConstant(Ops tf, int shared) {
    int n = Math.toIntExact(blocks);
    int s = Math.toIntExact(blockSize);
    float[][][] bias = new float[n][s][shared + 3 * s];
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < s; i++) {
        long query = (long) b * s + i;
        for (int j = 0; j < 3 * s; j++) {
          long key = (long) (b - 1) * s + j;
          boolean reachable = key >= excludedLeadingKeys && key < valid && Math.abs(query - key) <= oneSided;
          bias[b][i][shared + j] = reachable ? 0f : MultiHeadAttention.MASKED;
        }
      }
    }
    return tf.constant(bias);
  }

  /**
   * Banded scores: q kᵀ / sqrt(d) plus the band bias, {@code [batch, heads, blocks, blockSize, 3 x
   * blockSize]}, from queries and keys {@code [batch, heads, tokens, d]}.
   */
  public Operand<TFloat32> scores(Net net, Operand<TFloat32> q, Operand<TFloat32> k) {
    Ops tf = net.tf();
    Operand<TFloat32> raw = MultiHeadAttention.scores(tf, toBlocks(tf, q), neighbourhoods(tf, toBlocks(tf, k)));
    return tf.math.add(raw, bandBias(net));
  }

  /** Weighs the values of each neighbourhood: probabilities {@code [.., blocks, s, 3s]} times values. */
  public Operand<TFloat32> weigh(Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> v) {
    return fromBlocks(tf, Layers.batchMatMul(tf, probabilities, neighbourhoods(tf, toBlocks(tf, v)), false));
  }

  /**
   * Sliding-window attention in which every query also reaches {@code sharedKeys} with
   * {@code sharedValues} ({@code [batch, heads, shared, d]}, such as Longformer's global tokens), in one
   * softmax with its window: the shared keys join each block's neighbourhood, so that the scores, the
   * softmax and the weighing stay one op each.
   */
  public Operand<TFloat32> attendWithSharedKeys(Net net, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
      Operand<TFloat32> sharedKeys, Operand<TFloat32> sharedValues) {
    Ops tf = net.tf();
    long shared = Layers.dims(sharedKeys)[2];
    Operand<TFloat32> keys = withShared(tf, sharedKeys, toBlocks(tf, k));
    Operand<TFloat32> values = withShared(tf, sharedValues, toBlocks(tf, v));
    Operand<TFloat32> scores = tf.math.add(MultiHeadAttention.scores(tf, toBlocks(tf, q), keys), bandBias(net, shared));
    return fromBlocks(tf, Layers.batchMatMul(tf, tf.nn.softmax(scores), values, false));
  }

  /** Each block's neighbourhood after the shared rows: {@code [batch, heads, blocks, shared + 3 x blockSize, d]}. */
  private Operand<TFloat32> withShared(Ops tf, Operand<TFloat32> shared, Operand<TFloat32> blocked) {
    long[] dims = Layers.dims(shared);
    Operand<TFloat32> perBlock = tf.broadcastTo(tf.expandDims(shared, tf.constant(2)),
        Layers.ints(tf, dims[0], dims[1], blocks, dims[2], dims[3]));
    return tf.concat(java.util.List.of(perBlock, neighbourhoods(tf, blocked)), tf.constant(3));
  }

  /** Sliding-window attention of queries, keys and values {@code [batch, heads, tokens, d]}. */
  public Operand<TFloat32> attend(Net net, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v) {
    Ops tf = net.tf();
    return weigh(tf, tf.nn.softmax(scores(net, q, k)), v);
  }
}
