package attnprof.plugin.vision;

import attnprof.api.nn.Heads;
import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.MultiHeadAttention;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Swin's (shifted) window attention on a {@code height x width} grid of tokens: the grid is padded
 * with zeros to a multiple of the window (as the reference implementation does for detection),
 * optionally rolled by {@code -shift} cells, cut into {@code window x window} windows, and every
 * token attends only to the tokens of its window, with a learned relative position bias (weight
 * {@code relative_position_bias}, {@code [(2 window - 1)², heads]}). In a shifted layer a mask keeps
 * tokens that the roll brought together from opposite edges from attending to each other. Time and
 * memory grow linearly with the number of tokens.
 *
 * <p>Queries, keys and values come from one projection ({@code qkv}, {@code [c, 3 c]}, as the
 * reference's {@code qkv} layer); the roll and the cut into windows are one gather of the tokens, and
 * their inverse (with the crop) another.
 *
 * @param heads attention heads
 * @param window side of the windows, in cells
 * @param shift how far the windows are shifted, in cells (0 or less than the window)
 * @param height rows of the grid
 * @param width columns of the grid
 * @param biasInit how the relative position bias table starts
 */
record WindowAttention(long heads, int window, int shift, long height, long width, Init biasInit)
    implements TokenMixer {
  /** The score Swin adds to keep a token from attending to one across a shifted edge. */
  static final float ACROSS_EDGE = -100f;

  WindowAttention {
    if (shift < 0 || shift >= window) {
      throw new IllegalArgumentException("shift " + shift + " must be in 0.." + (window - 1));
    }
  }

  @Override
  public Operand<TFloat32> mix(Net net, Sequence x) {
    Ops tf = net.tf();
    long[] dims = Layers.dims(x.values());
    long batch = dims[0];
    long channels = dims[2];
    Operand<TFloat32> grid = Grids.padTo(tf, Grids.grid(tf, x.values(), height, width), window);
    long paddedHeight = Layers.dims(grid)[1];
    long paddedWidth = Layers.dims(grid)[2];
    long windows = (paddedHeight / window) * (paddedWidth / window);
    long cells = (long) window * window;

    // the roll and the cut into windows are one permutation of the tokens: one gather
    Operand<TFloat32> windowed = Layers.reshape(tf,
        tf.gather(Grids.tokens(tf, grid), tf.constant(windowOrder(paddedHeight, paddedWidth)), tf.constant(1)),
        batch * windows, cells, channels);
    Heads.QueryKeyValue qkv =
        Heads.splitQueryKeyValue(tf, Layers.dense(net.part("qkv"), windowed, 3 * channels), heads);
    Operand<TFloat32> scores = tf.math.add(MultiHeadAttention.scores(tf, qkv.query(), qkv.key()),
        relativePositionBias(net));
    if (shift > 0) {
      Operand<TFloat32> perWindow = Layers.reshape(tf, scores, batch, windows, heads, cells, cells);
      Operand<TFloat32> mask = tf.constant(edgeMask(paddedHeight, paddedWidth, window, shift));
      scores = Layers.reshape(tf, tf.math.add(perWindow, mask), batch * windows, heads, cells, cells);
    }
    Operand<TFloat32> context = Layers.batchMatMul(tf, tf.nn.softmax(scores), qkv.value(), false);
    Operand<TFloat32> output = Heads.output(net, context, channels);

    // back to the grid's own order, rolled back and without the padding: the inverse gather
    Operand<TFloat32> flat = Layers.reshape(tf, output, batch, windows * cells, channels);
    return tf.gather(flat, tf.constant(gridOrder(paddedHeight, paddedWidth)), tf.constant(1));
  }

  /**
   * For each position of the windowed sequence (window by window, row-major inside each), the index of
   * the token of the padded {@code height x width} grid rolled by {@code -shift} that it holds.
   */
  int[] windowOrder(long paddedHeight, long paddedWidth) {
    int columns = (int) (paddedWidth / window);
    int[] order = new int[Math.toIntExact(paddedHeight * paddedWidth)];
    for (int y = 0; y < paddedHeight; y++) {
      for (int x = 0; x < paddedWidth; x++) {
        order[windowedIndex(y, x, columns)] =
            (int) (Math.floorMod(y + shift, paddedHeight) * paddedWidth + Math.floorMod(x + shift, paddedWidth));
      }
    }
    return order;
  }

  /** For each token of the unpadded grid, its position in the windowed sequence: the inverse of {@link #windowOrder}. */
  int[] gridOrder(long paddedHeight, long paddedWidth) {
    int columns = (int) (paddedWidth / window);
    int[] order = new int[Math.toIntExact(height * width)];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rolledY = (int) Math.floorMod(y - shift, paddedHeight);
        int rolledX = (int) Math.floorMod(x - shift, paddedWidth);
        order[(int) (y * width + x)] = windowedIndex(rolledY, rolledX, columns);
      }
    }
    return order;
  }

  /** Where cell {@code (y, x)} of the rolled grid sits once cut into windows. */
  private int windowedIndex(int y, int x, int columns) {
    int windowIndex = (y / window) * columns + x / window;
    return (windowIndex * window + y % window) * window + x % window;
  }

  /** The learned bias of each head for each pair of cells of a window: {@code [heads, window², window²]}. */
  private Operand<TFloat32> relativePositionBias(Net net) {
    Ops tf = net.tf();
    long span = 2L * window - 1;
    Operand<TFloat32> table = net.weight("relative_position_bias", biasInit, span * span, heads);
    Operand<TFloat32> pairs = tf.gather(table, tf.constant(relativeIndex(window)), tf.constant(0));
    return tf.linalg.transpose(pairs, tf.constant(new int[] {2, 0, 1}));
  }

  /** For cells {@code a} and {@code b} of a window, the table row of their offset: {@code [window², window²]}. */
  static int[][] relativeIndex(int window) {
    int cells = window * window;
    int span = 2 * window - 1;
    int[][] index = new int[cells][cells];
    for (int a = 0; a < cells; a++) {
      for (int b = 0; b < cells; b++) {
        int dy = a / window - b / window + window - 1;
        int dx = a % window - b % window + window - 1;
        index[a][b] = dy * span + dx;
      }
    }
    return index;
  }

  /**
   * Swin's attention mask for a grid rolled by {@code -shift}: {@code [windows, 1, window², window²]},
   * {@link #ACROSS_EDGE} between cells of a window that came from different regions (the last
   * {@code window - shift} rows before the edge, the {@code shift} rows that wrapped around, and
   * the rest; likewise for columns), 0 elsewhere.
   */
  static float[][][][] edgeMask(long height, long width, int window, int shift) {
    int rows = (int) (height / window);
    int columns = (int) (width / window);
    int cells = window * window;
    float[][][][] mask = new float[rows * columns][1][cells][cells];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int[] region = new int[cells];
        for (int cell = 0; cell < cells; cell++) {
          int y = r * window + cell / window;
          int x = c * window + cell % window;
          region[cell] = region(y, height, window, shift) * 3 + region(x, width, window, shift);
        }
        for (int a = 0; a < cells; a++) {
          for (int b = 0; b < cells; b++) {
            mask[r * columns + c][0][a][b] = region[a] == region[b] ? 0f : ACROSS_EDGE;
          }
        }
      }
    }
    return mask;
  }

  private static int region(int position, long side, int window, int shift) {
    if (position < side - window) {
      return 0;
    }
    return position < side - shift ? 1 : 2;
  }
}
