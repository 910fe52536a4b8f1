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
   * {@code [batch, heads, blocks, 3 x blockSize, d]} from blocks.
   */
  public Operand<TFloat32> neighbourhoods(Ops tf, Operand<TFloat32> blocked) {
    long[] dims = Layers.dims(blocked);
    return around(tf, Layers.reshape(tf, blocked, dims[0], dims[1], dims[2] * dims[3], dims[4]), 0);
  }

  /**
   * The keys (or values) each block meets, from tokens {@code [batch, heads, length, d]}: the first
   * {@code leading} tokens, then the previous, same and next block, {@code [batch, heads, blocks, leading + 3 x
   * blockSize, d]}; one gather, in which positions outside the sequence read an appended row of zeros.
   */
  private Operand<TFloat32> around(Ops tf, Operand<TFloat32> x, int leading) {
    long length = Layers.dims(x)[2];
    int s = Math.toIntExact(blockSize);
    int[][] index = new int[Math.toIntExact(blocks)][leading + 3 * s];
    for (int b = 0; b < blocks; b++) {
      for (int j = 0; j < leading; j++) {
        index[b][j] = j;
      }
      for (int j = 0; j < 3 * s; j++) {
        long position = (long) (b - 1) * s + j;
        index[b][leading + j] = (int) (position >= 0 && position < length ? position : length);
      }
    }
    return tf.gather(Layers.padAxis(tf, x, 2, 0, 1), tf.constant(index), tf.constant(2));
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
    Operand<TFloat32> raw = MultiHeadAttention.scores(tf, toBlocks(tf, q), around(tf, k, 0));
    return tf.math.add(raw, bandBias(net));
  }

  /** Weighs the values of each neighbourhood: probabilities {@code [.., blocks, s, 3s]} times values. */
  public Operand<TFloat32> weigh(Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> v) {
    return fromBlocks(tf, Layers.batchMatMul(tf, probabilities, around(tf, v, 0), false));
  }

  /**
   * Sliding-window attention in which every query also reaches the keys of the first {@code leading}
   * tokens (such as Longformer's global tokens), in one softmax with its window: those keys join each
   * block's neighbourhood, so that the scores, the softmax and the weighing stay one op each. Queries, keys
   * and values are {@code [batch, heads, tokens, d]}; leave the leading tokens out of the band
   * ({@code excludedLeadingKeys}) so that none is counted twice.
   */
  public Operand<TFloat32> attendWithLeadingKeys(Net net, Operand<TFloat32> q, Operand<TFloat32> k,
      Operand<TFloat32> v, long leading) {
    Ops tf = net.tf();
    int shared = Math.toIntExact(leading);
    Operand<TFloat32> scores = tf.math.add(MultiHeadAttention.scores(tf, toBlocks(tf, q), around(tf, k, shared)),
        bandBias(net, shared));
    return fromBlocks(tf, Layers.batchMatMul(tf, tf.nn.softmax(scores), around(tf, v, shared), false));
  }

  /** Sliding-window attention of queries, keys and values {@code [batch, heads, tokens, d]}. */
  public Operand<TFloat32> attend(Net net, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v) {
    return attendWithLeadingKeys(net, q, k, v, 0);
  }
}
