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
    long rows = paddedHeight / window;
    long columns = paddedWidth / window;
    long windows = rows * columns;
    long cells = (long) window * window;

    Operand<TFloat32> windowed = partition(tf, Grids.roll(tf, grid, shift), rows, columns);
    Heads.QueryKeyValue qkv = Heads.queryKeyValue(net, windowed, heads);
    Operand<TFloat32> scores = tf.math.add(MultiHeadAttention.scores(tf, qkv.query(), qkv.key()),
        relativePositionBias(net));
    if (shift > 0) {
      Operand<TFloat32> perWindow = Layers.reshape(tf, scores, batch, windows, heads, cells, cells);
      Operand<TFloat32> mask = tf.constant(edgeMask(paddedHeight, paddedWidth, window, shift));
      scores = Layers.reshape(tf, tf.math.add(perWindow, mask), batch * windows, heads, cells, cells);
    }
    Operand<TFloat32> context = Layers.batchMatMul(tf, tf.nn.softmax(scores), qkv.value(), false);
    Operand<TFloat32> output = Heads.output(net, context, channels);

    Operand<TFloat32> back = Grids.roll(tf, unpartition(tf, output, batch, rows, columns), -shift);
    Operand<TFloat32> cropped = Layers.sliceAxis(tf, Layers.sliceAxis(tf, back, 1, 0, height), 2, 0, width);
    return Grids.tokens(tf, cropped);
  }

  /** {@code [batch, rows * window, columns * window, c]} to windows {@code [batch * windows, window², c]}. */
  private Operand<TFloat32> partition(Ops tf, Operand<TFloat32> grid, long rows, long columns) {
    long[] dims = Layers.dims(grid);
    Operand<TFloat32> split = Layers.reshape(tf, grid, dims[0], rows, window, columns, window, dims[3]);
    Operand<TFloat32> grouped = tf.linalg.transpose(split, tf.constant(new int[] {0, 1, 3, 2, 4, 5}));
    return Layers.reshape(tf, grouped, dims[0] * rows * columns, (long) window * window, dims[3]);
  }

  /** The inverse of {@link #partition}. */
  private Operand<TFloat32> unpartition(Ops tf, Operand<TFloat32> windows, long batch, long rows, long columns) {
    long c = Layers.dims(windows)[2];
    Operand<TFloat32> split = Layers.reshape(tf, windows, batch, rows, columns, window, window, c);
    Operand<TFloat32> grid = tf.linalg.transpose(split, tf.constant(new int[] {0, 1, 3, 2, 4, 5}));
    return Layers.reshape(tf, grid, batch, rows * window, columns * window, c);
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
