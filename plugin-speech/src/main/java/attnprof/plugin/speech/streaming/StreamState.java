package attnprof.plugin.speech.streaming;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What a streaming model carries from one chunk to the next, as variables: each starts as the state of a
 * stream already running (steady state, the measured case) and is replaced, at every chunk, by the value
 * the chunk computed. {@link #reset} empties them all, as at the start of a stream.
 */
final class StreamState {
  private record Slot(Variable<TFloat32> variable, Operand<TFloat32> empty, Operand<TFloat32> next) {
  }

  private final Ops tf;
  private final List<Slot> slots = new ArrayList<>();

  StreamState(Ops tf) {
    this.tf = tf;
  }

  /**
   * A state variable: its value now (for this chunk), {@code steady} at first; {@link #update} gives its
   * value after the chunk.
   *
   * @param place the op factory of the place that keeps it (its name scope names the variable)
   * @param empty its value at the start of a stream
   */
  Held hold(Ops place, String name, float[] steady, float[] empty, long... shape) {
    Ops init = place.withInitScope();
    Variable<TFloat32> variable = place.withName(name).variable(init.reshape(init.constant(steady),
        init.constant(shape)));
    Operand<TFloat32> emptyValue = place.reshape(place.constant(empty), place.constant(shape));
    Operand<TFloat32> now = place.withName(name + "_read").identity(variable);
    return new Held(variable, emptyValue, now);
  }

  /** A state variable as a chunk sees it. */
  final class Held {
    private final Variable<TFloat32> variable;
    private final Operand<TFloat32> empty;
    private final Operand<TFloat32> now;

    private Held(Variable<TFloat32> variable, Operand<TFloat32> empty, Operand<TFloat32> now) {
      this.variable = variable;
      this.empty = empty;
      this.now = now;
    }

    /** Its value for this chunk. */
    Operand<TFloat32> now() {
      return now;
    }

    /** Sets its value after this chunk (once). */
    void update(Operand<TFloat32> next) {
      slots.add(new Slot(variable, empty, next));
    }
  }

  /** Every state variable, for the engine's accounting (they are not weights). */
  List<Operand<TFloat32>> variables() {
    return slots.stream().map(slot -> (Operand<TFloat32>) slot.variable()).toList();
  }

  /**
   * The chunk's output, once every state variable has taken its next value: fetching it runs the
   * step and moves the state on. The next values are computed from the old ones before any is written
   * (each write waits for every next value).
   */
  Operand<TFloat32> after(Operand<TFloat32> output) {
    List<Op> nexts = new ArrayList<>();
    for (Slot slot : slots) {
      nexts.add(slot.next());
    }
    nexts.add(output);
    Ops afterAll = tf.withControlDependencies(nexts);
    List<Op> writes = new ArrayList<>();
    for (Slot slot : slots) {
      writes.add(afterAll.assign(slot.variable(), afterAll.identity(slot.next())));
    }
    return tf.withControlDependencies(writes).withName("chunk_output").identity(output);
  }

  /** An op that empties every state variable, as at the start of a stream. */
  Op reset() {
    List<Op> writes = new ArrayList<>();
    for (Slot slot : slots) {
      writes.add(tf.assign(slot.variable(), slot.empty()));
    }
    return tf.withControlDependencies(writes).noOp();
  }
}
