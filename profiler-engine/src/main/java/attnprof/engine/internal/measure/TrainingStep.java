package attnprof.engine.internal.measure;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adds a training step to a built model: the gradients of its loss with respect to every weight,
 * and an Adam update of each weight (two moment slots per weight, as Transformers are trained), in
 * the {@code optimizer} scope.
 */
public final class TrainingStep {
  private static final float LEARNING_RATE = 1e-4f;

  private TrainingStep() {
  }

  /** The op to run as a training step's target. */
  public static Op add(Graph graph, Ops tf, Operand<TFloat32> loss) {
    List<Output<TFloat32>> weights = GraphVariables.of(graph);
    if (weights.isEmpty()) {
      throw new IllegalStateException("the model has no weights to train");
    }
    Gradients gradients = tf.gradients(loss, weights);
    Ops optimizer = tf.withSubScope("optimizer");
    Ops slots = optimizer.withInitScope();
    Operand<TFloat32> beta1 = optimizer.constant(0.9f);
    Operand<TFloat32> beta2 = optimizer.constant(0.999f);
    // the bias-correction powers after the first step; constant, since one step is what is timed
    Operand<TFloat32> beta1Power = optimizer.constant(0.9f);
    Operand<TFloat32> beta2Power = optimizer.constant(0.999f);
    Operand<TFloat32> learningRate = optimizer.constant(LEARNING_RATE);
    Operand<TFloat32> epsilon = optimizer.constant(1e-8f);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Output<TFloat32> weight = weights.get(i);
      // fill, not zeros: the zeros helper opens a name scope, which costs a scan of the whole graph
      Variable<TFloat32> m = optimizer.variable(slots.fill(slots.constant(weight.shape()), slots.constant(0f)));
      Variable<TFloat32> v = optimizer.variable(slots.fill(slots.constant(weight.shape()), slots.constant(0f)));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) (Operand<?>) gradients.dy(i);
      updates.add(optimizer.train.applyAdam(weight, m, v, beta1Power, beta2Power, learningRate, beta1, beta2,
          epsilon, gradient));
    }
    return optimizer.withControlDependencies(updates).noOp();
  }
}
