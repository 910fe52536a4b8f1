package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How a weight's initial value is made. Random initialisers are stateless: the value depends only
 * on the shape and the seed, so two graphs that name a weight alike give it equal values.
 *
 * @since API 1
 */
@FunctionalInterface
public interface Init {

  /** Builds the initial value's ops (in the graph's init scope) for a shape and a 2-part seed. */
  Operand<TFloat32> create(Ops tf, Shape shape, long[] seed);

  /** A normal distribution of mean 0 truncated at two standard deviations, as BERT initialises. */
  static Init normal(double stddev) {
    return (tf, shape, seed) -> tf.math.mul(
        tf.random.statelessTruncatedNormal(tf.constant(shape.asArray()), tf.constant(seed), TFloat32.class),
        tf.constant((float) stddev));
  }

  /** All zeros. */
  static Init zeros() {
    return constant(0);
  }

  /** All ones. */
  static Init ones() {
    return constant(1);
  }

  /** Every value {@code value}. */
  static Init constant(double value) {
    // fill, not tf.zeros: the zeros helper opens a name scope, which costs a scan of the whole graph
    return (tf, shape, seed) -> tf.fill(tf.constant(shape.asArray()), tf.constant((float) value));
  }
}
