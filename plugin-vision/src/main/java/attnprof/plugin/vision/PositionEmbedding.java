package attnprof.plugin.vision;

import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ViT's learned position embeddings: one for the class token and one per cell of the grid they were
 * trained at ({@code learnedGrid x learnedGrid}), resized bilinearly to the input's grid, as ViT
 * does to fine-tune at a higher resolution. The resize is two products with constant interpolation
 * matrices (rows, then columns), so it has a gradient and costs little.
 */
final class PositionEmbedding {
  private PositionEmbedding() {
  }

  /** The embeddings for the class token and a {@code grid x grid} input: {@code [1 + grid², width]}. */
  static Operand<TFloat32> apply(Net net, long learnedGrid, long grid, long width) {
    Ops tf = net.tf();
    Operand<TFloat32> table = net.weight("position_embeddings", Init.normal(Layers.INIT_STDDEV),
        1 + learnedGrid * learnedGrid, width);
    Operand<TFloat32> classPosition = Layers.sliceAxis(tf, table, 0, 0, 1);
    Operand<TFloat32> cells = Layers.sliceAxis(tf, table, 0, 1, 1 + learnedGrid * learnedGrid);
    if (grid != learnedGrid) {
      Operand<TFloat32> resize = tf.constant(interpolation((int) learnedGrid, (int) grid));
      // rows: [g0, g0 * w] -> [g, g0 * w]
      Operand<TFloat32> rows = tf.linalg.matMul(resize, Layers.reshape(tf, cells, learnedGrid, learnedGrid * width));
      // columns: [g, g0, w] -> [g0, g, w] -> [g, g * w] -> [g, g, w] (columns first) -> [g, g, w]
      Operand<TFloat32> byColumn = tf.linalg.transpose(Layers.reshape(tf, rows, grid, learnedGrid, width),
          tf.constant(new int[] {1, 0, 2}));
      Operand<TFloat32> columns = tf.linalg.matMul(resize, Layers.reshape(tf, byColumn, learnedGrid, grid * width));
      Operand<TFloat32> resized = tf.linalg.transpose(Layers.reshape(tf, columns, grid, grid, width),
          tf.constant(new int[] {1, 0, 2}));
      cells = Layers.reshape(tf, resized, grid * grid, width);
    }
    return tf.concat(java.util.List.of(classPosition, cells), tf.constant(0));
  }

  /**
   * The {@code [to, from]} matrix of bilinear interpolation from {@code from} to {@code to} samples
   * with half-pixel centres ({@code align_corners=False}): each row holds the weights of the two
   * nearest source samples.
   */
  static float[][] interpolation(int from, int to) {
    float[][] weights = new float[to][from];
    double scale = (double) from / to;
    for (int i = 0; i < to; i++) {
      double source = Math.max(0, (i + 0.5) * scale - 0.5);
      int lower = Math.min((int) Math.floor(source), from - 1);
      int upper = Math.min(lower + 1, from - 1);
      double fraction = source - lower;
      weights[i][lower] += (float) (1 - fraction);
      weights[i][upper] += (float) fraction;
    }
    return weights;
  }
}
