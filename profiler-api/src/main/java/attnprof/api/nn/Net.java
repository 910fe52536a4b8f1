package attnprof.api.nn;

import attnprof.api.model.Component;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A place in a model under construction: an op factory inside a name scope, and the weights made
 * there. Weights are TensorFlow variables whose initial values depend only on the model seed and
 * the weight's path ({@code layer_0/attention/query/kernel}), so two models that share a structure
 * share their weights. Immutable; {@link #scope} returns a new place.
 */
public final class Net {
  private final Ops tf;
  private final long seed;
  private final String path;

  private Net(Ops tf, long seed, String path) {
    this.tf = Objects.requireNonNull(tf, "tf");
    this.seed = seed;
    this.path = path;
  }

  /** The root of a model in the graph behind {@code tf}. */
  public static Net root(Ops tf, long seed) {
    return new Net(tf, seed, "");
  }

  /** The op factory of this place, inside its name scope. */
  public Ops tf() {
    return tf;
  }

  /** The path of this place, {@code /}-separated; empty at the root. */
  public String path() {
    return path;
  }

  /** A nested place. */
  public Net scope(String name) {
    return new Net(tf.withSubScope(name), seed, path.isEmpty() ? name : path + "/" + name);
  }

  /** A nested place that assigns its ops to a component. */
  public Net in(Component component) {
    return scope(component.scopeName());
  }

  /**
   * Makes a trainable weight and returns its value, read through an identity op (a raw reference
   * variable breaks some gradients in TensorFlow Java).
   */
  public Operand<TFloat32> weight(String name, Init init, long... shape) {
    Ops initOps = tf.withInitScope();
    Operand<TFloat32> initial = init.create(initOps, Shape.of(shape), seedFor(name));
    Variable<TFloat32> variable = tf.withName(name).variable(initial);
    return tf.withName(name + "_read").identity(variable);
  }

  private long[] seedFor(String name) {
    String key = path.isEmpty() ? name : path + "/" + name;
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return new long[] {seed, hash};
  }
}
