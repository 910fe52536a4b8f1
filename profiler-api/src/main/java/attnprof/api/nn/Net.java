package attnprof.api.nn;

import attnprof.api.model.Component;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * A place in a model under construction: an op factory inside a name scope, and the weights made
 * there. Weights are TensorFlow variables whose initial values depend only on the model seed and
 * the weight's path ({@code layer_0/attention/query/kernel}), so two models that share a structure
 * share their weights. Immutable but for the constants its places {@link #shared share}; {@link #scope},
 * {@link #part} and {@link #in} return new places of the same model.
 *
 * <p>A TensorFlow name scope costs a scan of the whole graph when it opens, so only layers and
 * components open one ({@link #scope}, {@link #in}); the parts inside them ({@link #part}: a
 * projection, a normalisation's weights) only prefix their weights' names.
 *
 * @since API 1
 */
public final class Net {
  private final Ops tf;
  private final long seed;
  private final String path;
  private final String prefix;
  private final Map<String, Operand<?>> shared;

  private Net(Ops tf, long seed, String path, String prefix, Map<String, Operand<?>> shared) {
    this.tf = Objects.requireNonNull(tf, "tf");
    this.seed = seed;
    this.path = path;
    this.prefix = prefix;
    this.shared = shared;
  }

  /** The root of a model in the graph behind {@code tf}. */
  public static Net root(Ops tf, long seed) {
    return new Net(tf, seed, "", "", new HashMap<>());
  }

  /** The op factory of this place, inside its name scope. */
  public Ops tf() {
    return tf;
  }

  /** The path of this place, {@code /}-separated; empty at the root. */
  public String path() {
    return path;
  }

  /** A nested place with a TensorFlow name scope of its own, such as a layer. */
  public Net scope(String name) {
    return new Net(tf.withSubScope(prefix + name), seed, child(name), "", shared);
  }

  /** A nested place whose ops stay in this place's name scope and whose weights' names start with {@code name_}. */
  public Net part(String name) {
    return new Net(tf, seed, child(name), prefix + name + "_", shared);
  }

  /** A nested place that assigns its ops to a component: a name scope named after it. */
  public Net in(Component component) {
    return new Net(tf.withSubScope(component.scopeName()), seed, child(component.scopeName()), prefix,
        shared);
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "/" + name;
  }

  /**
   * Makes a trainable weight and returns its value, read through an identity op (a raw reference
   * variable breaks some gradients in TensorFlow Java).
   */
  public Operand<TFloat32> weight(String name, Init init, long... shape) {
    Ops initOps = tf.withInitScope();
    Operand<TFloat32> initial = init.create(initOps, Shape.of(shape), seedFor(name));
    Variable<TFloat32> variable = tf.withName(prefix + name).variable(initial);
    return tf.withName(prefix + name + "_read").identity(variable);
  }

  /**
   * An operand every place of this model shares under {@code key}: made by {@code maker} (with this
   * place's op factory) the first time any place asks, and the same operand after that. For
   * constants that every layer needs alike, such as a mask that grows with the input: one copy in the
   * graph and in memory, not one per layer. The key must say everything the operand depends on.
   */
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> shared(String key, Function<Ops, Operand<T>> maker) {
    Operand<?> existing = shared.get(key);
    if (existing == null) {
      existing = maker.apply(tf);
      shared.put(key, existing);
    }
    return (Operand<T>) existing;
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
