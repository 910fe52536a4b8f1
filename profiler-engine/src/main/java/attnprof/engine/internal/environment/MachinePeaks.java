package attnprof.engine.internal.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The roofline's two roofs, measured with TensorFlow on this machine's CPU in about a second (two with the child
 * JVM's start): the best rate of a 3072 x 3072 matrix product (the compute roof, GFLOP/s: smaller products stay well
 * below it here, 1024 reached 168 GFLOP/s where 3072 reaches 379) and the best rate at which an element-wise
 * addition of two 64 MB vectors streams memory (the bandwidth roof, GB/s: four vectors' bytes, the two read, the sum
 * written and read again by the reduction that keeps it). Each is the best of a few runs after one untimed run, as a
 * roof is what the machine can reach, not what it usually does.
 */
public final class MachinePeaks {
  /** The environment fact of the compute roof. */
  public static final String MATMUL_PEAK = attnprof.engine.result.Roofline.PEAK_FACT;
  /** The environment fact of the bandwidth roof. */
  public static final String MEMORY_BANDWIDTH = attnprof.engine.result.Roofline.BANDWIDTH_FACT;

  private static final int SIDE = 3072;
  private static final int VECTOR = 16 * 1024 * 1024;
  private static final int RUNS = 2;

  private MachinePeaks() {
  }

  /** Measures in this JVM and prints the facts as {@code name=value} lines: a child JVM's entry point. */
  public static void main(String[] args) {
    measure().forEach((name, value) -> System.out.println(name + "=" + value));
    // TensorFlow's thread pools are not daemons
    System.exit(0);
  }

  /** The roofs this process measured first: a machine's roofs do not change from one sweep to the next. */
  private static Map<String, String> measuredInChild;

  /**
   * Both roofs measured in a child JVM (its TensorFlow log lines kept from the user's terminal, as a fork's are),
   * within a minute, once per process; a {@code roofline_error} fact when that fails.
   */
  public static synchronized Map<String, String> measureInChild() {
    if (measuredInChild == null || measuredInChild.containsKey("roofline_error")) {
      measuredInChild = java.util.Collections.unmodifiableMap(probeInChild());
    }
    return measuredInChild;
  }

  private static Map<String, String> probeInChild() {
    Map<String, String> facts = new LinkedHashMap<>();
    try {
      ProcessBuilder builder = new ProcessBuilder(ThisJvm.command(
          "attnprof.engine/" + MachinePeaks.class.getName())).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "1");
      Process process = builder.start();
      process.getOutputStream().close();
      // a few short lines: they fit the pipe, so waiting first cannot block the probe
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      byte[] output = process.getInputStream().readAllBytes();
      new String(output, java.nio.charset.StandardCharsets.UTF_8).lines().filter(line -> line.contains("="))
          .forEach(line -> facts.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    } catch (java.io.IOException e) {
      facts.put("roofline_error", "could not start the probe: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (facts.isEmpty()) {
      facts.put("roofline_error", "the probe gave no figures");
    }
    return facts;
  }

  /** Both roofs as environment facts, rounded to three significant digits; an {@code error} fact when it fails. */
  public static Map<String, String> measure() {
    Map<String, String> facts = new LinkedHashMap<>();
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> a = tf.identity(tf.variable(tf.random.randomUniform(tf.constant(new long[] {SIDE, SIDE}),
          TFloat32.class)));
      Operand<TFloat32> product = tf.reduceMin(tf.linalg.matMul(a, a), tf.constant(new int[] {0, 1}));
      Operand<TFloat32> x = tf.random.randomUniform(tf.constant(new long[] {VECTOR}), TFloat32.class);
      Operand<TFloat32> y = tf.random.randomUniform(tf.constant(new long[] {VECTOR}), TFloat32.class);
      Operand<TFloat32> xs = tf.variable(x);
      Operand<TFloat32> ys = tf.variable(y);
      Operand<TFloat32> sum = tf.reduceMin(tf.math.add(xs, ys), tf.constant(0));
      session.initialize();
      double matmulSeconds = best(session, product);
      double addSeconds = best(session, sum);
      facts.put(MATMUL_PEAK, round(2.0 * SIDE * SIDE * SIDE / matmulSeconds / 1e9)); // the reduction is 0.05% of it
      // the addition reads two vectors and writes one; the reduction that keeps it from being pruned reads one more
      facts.put(MEMORY_BANDWIDTH, round(4.0 * VECTOR * Float.BYTES / addSeconds / 1e9));
    } catch (RuntimeException | LinkageError e) {
      facts.put("roofline_error", String.valueOf(e.getMessage()));
    }
    return facts;
  }

  private static double best(Session session, Operand<TFloat32> output) {
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run <= RUNS; run++) {
      long start = System.nanoTime();
      session.runner().fetch(output).run().close();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (run > 0) {
        best = Math.min(best, seconds);
      }
    }
    return best;
  }

  private static String round(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
