package attnprof.engine.internal.measure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;

/** The trainable weights of a built model: its variables, found in the graph. */
final class GraphVariables {
  private static final List<String> VARIABLE_OPS = List.of("VariableV2", "Variable");

  private GraphVariables() {
  }

  /** Every float variable's output, in graph order. */
  @SuppressWarnings("unchecked")
  static List<Output<TFloat32>> of(Graph graph) {
    List<Output<TFloat32>> variables = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      Output<?> output = op.output(0);
      if (VARIABLE_OPS.contains(op.type()) && output.type() == (Class<?>) TFloat32.class) {
        variables.add((Output<TFloat32>) output);
      }
    }
    return variables;
  }

  /** The number of scalars in all variables. */
  static long parameterCount(Graph graph) {
    long count = 0;
    for (Output<TFloat32> variable : of(graph)) {
      count += variable.shape().size();
    }
    return count;
  }
}
