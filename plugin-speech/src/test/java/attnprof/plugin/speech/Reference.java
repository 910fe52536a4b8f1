package attnprof.plugin.speech;

import attnprof.testkit.ModelEvaluator.MixerRun;
import java.util.Random;

/** Plain-Java building blocks for reference computations of the token mixers, in double precision. */
public final class Reference {
  private Reference() {
  }

  /** x [tokens][in] · kernel [in][out] (row-major in {@code run}) + bias. */
  public static double[][] dense(double[][] x, MixerRun run, String part) {
    float[] kernel = run.weight("mixer/" + part + "_kernel");
    float[] bias = run.weight("mixer/" + part + "_bias");
    int in = x[0].length;
    int out = bias.length;
    double[][] y = new double[x.length][out];
    for (int t = 0; t < x.length; t++) {
      for (int o = 0; o < out; o++) {
        double sum = bias[o];
        for (int i = 0; i < in; i++) {
          sum += x[t][i] * kernel[i * out + o];
        }
        y[t][o] = sum;
      }
    }
    return y;
  }

  /**
   * One dense layer per head, as SpeechBrain's {@code ParallelLinear}: x [tokens][in] cut into
   * {@code heads} slices of the width, slice h times kernel h ({@code [heads][in/heads][out/heads]},
   * row-major in {@code run}) plus bias h; the heads' outputs side by side.
   */
  public static double[][] headwiseDense(double[][] x, MixerRun run, String part, int heads) {
    float[] kernel = run.weight("mixer/" + part + "_kernel");
    float[] bias = run.weight("mixer/" + part + "_bias");
    int in = x[0].length / heads;
    int out = bias.length / heads;
    double[][] y = new double[x.length][out * heads];
    for (int h = 0; h < heads; h++) {
      for (int t = 0; t < x.length; t++) {
        for (int o = 0; o < out; o++) {
          double sum = bias[h * out + o];
          for (int i = 0; i < in; i++) {
            sum += x[t][h * in + i] * kernel[(h * in + i) * out + o];
          }
          y[t][h * out + o] = sum;
        }
      }
    }
    return y;
  }

  /** Layer normalisation of each row with the part's {@code gamma} and {@code beta}. */
  public static double[][] layerNorm(double[][] x, MixerRun run, String part, double epsilon) {
    float[] gamma = endingWith(run, "/" + part + "_gamma");
    float[] beta = endingWith(run, "/" + part + "_beta");
    double[][] y = new double[x.length][x[0].length];
    for (int t = 0; t < x.length; t++) {
      double mean = 0;
      for (double v : x[t]) {
        mean += v / x[t].length;
      }
      double variance = 0;
      for (double v : x[t]) {
        variance += (v - mean) * (v - mean) / x[t].length;
      }
      for (int i = 0; i < x[t].length; i++) {
        y[t][i] = (x[t][i] - mean) / Math.sqrt(variance + epsilon) * gamma[i] + beta[i];
      }
    }
    return y;
  }

  /** The one weight whose name ends with {@code suffix}, whatever component scope holds it. */
  public static float[] endingWith(MixerRun run, String suffix) {
    var names = run.weights().keySet().stream().filter(name -> name.endsWith(suffix)).toList();
    if (names.size() != 1) {
      throw new IllegalArgumentException("not one weight ending with " + suffix + ": " + run.weights().keySet());
    }
    return run.weight(names.get(0));
  }

  /** Columns {@code [from, from + count)} of every row. */
  public static double[][] columns(double[][] x, int from, int count) {
    double[][] y = new double[x.length][count];
    for (int t = 0; t < x.length; t++) {
      System.arraycopy(x[t], from, y[t], 0, count);
    }
    return y;
  }

  public static double[][] gelu(double[][] x) {
    double[][] y = new double[x.length][x[0].length];
    for (int t = 0; t < x.length; t++) {
      for (int i = 0; i < x[t].length; i++) {
        y[t][i] = 0.5 * x[t][i] * (1 + erf(x[t][i] / Math.sqrt(2)));
      }
    }
    return y;
  }

  /** The error function, to 1e-12 by its Taylor series near 0 and a continued fraction beyond. */
  public static double erf(double x) {
    double z = Math.abs(x);
    double result;
    if (z < 3) {
      double sum = 0;
      double term = z;
      for (int n = 0; n < 100; n++) {
        sum += term / (2 * n + 1);
        term *= -z * z / (n + 1);
      }
      result = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      double fraction = 0;
      for (int n = 60; n >= 1; n--) {
        fraction = n / 2.0 / (z + fraction);
      }
      result = 1 - Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + fraction);
    }
    return Math.copySign(result, x);
  }

  public static double[][] matMul(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  public static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  public static double[][] add(double[][] a, double[][] b) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = a[i][j] + b[i][j];
      }
    }
    return c;
  }

  public static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double sum = 0;
    double[] p = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      p[i] = Math.exp(scores[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  public static float[][][] random(int tokens, int width, long seed) {
    Random random = new Random(seed);
    float[][][] x = new float[1][tokens][width];
    for (float[] row : x[0]) {
      for (int i = 0; i < width; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    return x;
  }

  public static double[][] asDouble(float[][] x) {
    double[][] y = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        y[i][j] = x[i][j];
      }
    }
    return y;
  }

  public static double maxDifference(float[][] actual, double[][] expected) {
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[0].length; j++) {
        max = Math.max(max, Math.abs(actual[i][j] - expected[i][j]));
      }
    }
    return max;
  }
}
