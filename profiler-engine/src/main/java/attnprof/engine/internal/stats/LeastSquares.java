package attnprof.engine.internal.stats;

import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/** Weighted linear least squares through the normal equations, for the few coefficients fits here need. */
final class LeastSquares {
  private LeastSquares() {
  }

  /**
   * The coefficients minimising the weighted squared residuals, or null when they are not determined.
   *
   * @param n the observations
   * @param row each observation's regressors
   * @param target each observation's value
   * @param weight each observation's weight
   */
  static double[] fit(int n, IntFunction<double[]> row, IntToDoubleFunction target, IntToDoubleFunction weight) {
    int k = row.apply(0).length;
    double[][] normal = new double[k][k + 1];
    for (int i = 0; i < n; i++) {
      double[] x = row.apply(i);
      double w = weight.applyAsDouble(i);
      double y = target.applyAsDouble(i);
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          normal[r][c] += w * x[r] * x[c];
        }
        normal[r][k] += w * x[r] * y;
      }
    }
    return solve(normal);
  }

  /** Gauss-Jordan elimination with partial pivoting of an augmented k x (k+1) matrix. */
  private static double[] solve(double[][] m) {
    int k = m.length;
    double scale = 0;
    for (double[] row : m) {
      for (int c = 0; c < k; c++) {
        scale = Math.max(scale, Math.abs(row[c]));
      }
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) <= 1e-12 * scale) {
        return null;
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int r = 0; r < k; r++) {
        if (r != col) {
          double factor = m[r][col] / m[col][col];
          for (int c = col; c <= k; c++) {
            m[r][c] -= factor * m[col][c];
          }
        }
      }
    }
    double[] solution = new double[k];
    for (int r = 0; r < k; r++) {
      solution[r] = m[r][k] / m[r][r];
    }
    return solution;
  }
}
