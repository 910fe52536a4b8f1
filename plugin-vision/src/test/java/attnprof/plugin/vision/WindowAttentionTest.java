package attnprof.plugin.vision;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.nn.Init;
import attnprof.api.nn.Layers;
import attnprof.testkit.ModelEvaluator;
import attnprof.testkit.ModelEvaluator.MixerRun;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Swin's window attention against global attention and a plain-Java shifted-window attention. */
class WindowAttentionTest {
  private static final long SEED = 5;
  private static final int CHANNELS = 8;
  private static final int HEADS = 2;
  /** The amplitude of inputs whose attention weights differ clearly from uniform. */
  static final double SHARP = 30;

  @Test
  void oneUnshiftedWindowCoveringTheGridIsGlobalAttention() {
    float[][][] x = randomTokens(2, 4 * 4, SHARP);
    MixerRun run = ModelEvaluator.mixWithWeights(new WindowAttention(HEADS, 4, 0, 4, 4, Init.zeros()), x, SEED);

    // with one window as large as the grid, no shift and a zero position bias, every cell attends to every cell
    float[][][] global = new ShiftedWindowReference(run, 4, 4, 0).apply(x);

    assertThat(spread(global)).as("tokens attend differently").isGreaterThan(0.02);
    assertThat(maxDifference(run.output(), global)).isLessThan(1e-4);
  }

  @Test
  void shiftedWindowsEqualAPlainJavaComputationInTheImagesCoordinates() {
    int side = 6;
    int window = 3;
    int shift = 1;
    float[][][] x = randomTokens(2, side * side, SHARP);
    MixerRun run = ModelEvaluator.mixWithWeights(
        new WindowAttention(HEADS, window, shift, side, side, Init.normal(0.5)), x, SEED);

    float[][][] expected = new ShiftedWindowReference(run, side, window, shift).apply(x);

    assertThat(maxDifference(run.output(), expected)).isLessThan(1e-4);
  }

  @Test
  void aCellThatTheShiftWrapsAroundAttendsToNoCellFromTheOtherEdge() {
    int side = 6;
    float[][][] x = randomTokens(1, side * side);
    WindowAttention shifted = new WindowAttention(HEADS, 3, 1, side, side, Init.normal(Layers.INIT_STDDEV));
    WindowAttention unshifted = new WindowAttention(HEADS, 3, 0, side, side, Init.normal(Layers.INIT_STDDEV));

    // with the shift, the corner (0, 0) wraps to the opposite corner, into a window of cells from
    // the other edges: it must be alone in its region, so changing it changes no other output
    assertThat(changedOutputs(shifted, x, 0)).containsExactly(0);
    // without the shift it shares the top-left window with 8 cells
    assertThat(changedOutputs(unshifted, x, 0)).containsExactly(0, 1, 2, 6, 7, 8, 12, 13, 14);
  }

  private static java.util.List<Integer> changedOutputs(WindowAttention attention, float[][][] x, int token) {
    float[][][] before = ModelEvaluator.mix(attention, x, SEED);
    float[][][] changed = copy(x);
    for (int d = 0; d < CHANNELS; d++) {
      changed[0][token][d] += 3f;
    }
    float[][][] after = ModelEvaluator.mix(attention, changed, SEED);
    java.util.List<Integer> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < x[0].length; i++) {
      for (int d = 0; d < CHANNELS; d++) {
        if (Math.abs(before[0][i][d] - after[0][i][d]) > 1e-6) {
          tokens.add(i);
          break;
        }
      }
    }
    return tokens;
  }

  /**
   * Shifted-window attention token by token in the image's own coordinates: a cell attends to the
   * cells that share its window once the grid is shifted and that lie on the same side of each
   * edge the shift wraps across.
   */
  private record ShiftedWindowReference(MixerRun run, int side, int window, int shift) {
    float[][][] apply(float[][][] x) {
      float[][][] q = dense(x, "qkv", 0);
      float[][][] k = dense(x, "qkv", 1);
      float[][][] v = dense(x, "qkv", 2);
      float[] table = run.weight("mixer/relative_position_bias");
      int size = CHANNELS / HEADS;
      int span = 2 * window - 1;
      float[][][] context = new float[x.length][x[0].length][CHANNELS];
      for (int b = 0; b < x.length; b++) {
        for (int p = 0; p < side * side; p++) {
          int py = Math.floorMod(p / side - shift, side);
          int px = Math.floorMod(p % side - shift, side);
          for (int h = 0; h < HEADS; h++) {
            double[] scores = new double[side * side];
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < side * side; r++) {
              int ry = Math.floorMod(r / side - shift, side);
              int rx = Math.floorMod(r % side - shift, side);
              if (ry / window != py / window || rx / window != px / window) {
                scores[r] = Double.NEGATIVE_INFINITY;
                continue;
              }
              double dot = 0;
              for (int d = 0; d < size; d++) {
                dot += q[b][p][h * size + d] * k[b][r][h * size + d];
              }
              int offset = (py % window - ry % window + window - 1) * span + (px % window - rx % window + window - 1);
              boolean sameRegions = region(py) == region(ry) && region(px) == region(rx);
              scores[r] = dot / Math.sqrt(size) + table[offset * HEADS + h] + (sameRegions ? 0 : -100);
              max = Math.max(max, scores[r]);
            }
            double total = 0;
            for (int r = 0; r < scores.length; r++) {
              scores[r] = Math.exp(scores[r] - max);
              total += scores[r];
            }
            for (int r = 0; r < scores.length; r++) {
              for (int d = 0; d < size; d++) {
                context[b][p][h * size + d] += (float) (scores[r] / total * v[b][r][h * size + d]);
              }
            }
          }
        }
      }
      return dense(context, "output", 0);
    }

    /** Which part of a shifted axis a shifted position lies in: before the last window, in it, or wrapped. */
    private int region(int shifted) {
      if (shifted < side - window) {
        return 0;
      }
      return shifted < side - shift ? 1 : 2;
    }

    /** Block {@code part} of the outputs of dense layer {@code name}, {@code CHANNELS} wide. */
    private float[][][] dense(float[][][] x, String name, int part) {
      float[] kernel = run.weight("mixer/" + name + "_kernel");
      float[] bias = run.weight("mixer/" + name + "_bias");
      int outputs = bias.length;
      float[][][] y = new float[x.length][x[0].length][CHANNELS];
      for (int b = 0; b < x.length; b++) {
        for (int t = 0; t < x[0].length; t++) {
          for (int o = 0; o < CHANNELS; o++) {
            int column = part * CHANNELS + o;
            double sum = bias[column];
            for (int i = 0; i < CHANNELS; i++) {
              sum += x[b][t][i] * kernel[i * outputs + column];
            }
            y[b][t][o] = (float) sum;
          }
        }
      }
      return y;
    }
  }

  /** Tokens uniform in [-1, 1]. */
  static float[][][] randomTokens(int batch, int tokens) {
    return randomTokens(batch, tokens, 1);
  }

  /**
   * Tokens uniform in [-amplitude, amplitude]. Weights start small (deviation 0.02), so attention
   * on unit-sized tokens is almost uniform; an amplitude of 30 gives query-key products near one,
   * and attention weights that differ from token to token, so that a test can tell them apart.
   */
  static float[][][] randomTokens(int batch, int tokens, double amplitude) {
    SplittableRandom random = new SplittableRandom(17);
    float[][][] x = new float[batch][tokens][CHANNELS];
    for (float[][] row : x) {
      for (float[] token : row) {
        for (int d = 0; d < CHANNELS; d++) {
          token[d] = (float) (amplitude * (random.nextDouble() * 2 - 1));
        }
      }
    }
    return x;
  }

  static float[][][] copy(float[][][] x) {
    float[][][] copy = new float[x.length][][];
    for (int b = 0; b < x.length; b++) {
      copy[b] = new float[x[b].length][];
      for (int t = 0; t < x[b].length; t++) {
        copy[b][t] = x[b][t].clone();
      }
    }
    return copy;
  }

  /** The largest difference between two tokens' outputs in one channel: whether attention told them apart. */
  static double spread(float[][][] x) {
    double spread = 0;
    for (float[][] tokens : x) {
      for (int d = 0; d < tokens[0].length; d++) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float[] token : tokens) {
          min = Math.min(min, token[d]);
          max = Math.max(max, token[d]);
        }
        spread = Math.max(spread, max - min);
      }
    }
    return spread;
  }

  static double maxDifference(float[][][] a, float[][][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        for (int d = 0; d < a[i][j].length; d++) {
          max = Math.max(max, Math.abs(a[i][j][d] - b[i][j][d]));
        }
      }
    }
    return max;
  }
}
