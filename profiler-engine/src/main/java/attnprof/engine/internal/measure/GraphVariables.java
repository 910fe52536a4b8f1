package attnprof.engine.internal.measure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;

/** The trainable weights of a built model: its variables, found in the graph. */
public final class GraphVariables {
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
    return parameterCount(graph, null);
  }

  /** The number of scalars in the variables that are weights: all but a streaming model's state. */
  public static long parameterCount(Graph graph, attnprof.api.model.StreamingStep streaming) {
    java.util.Set<String> state = stateNames(streaming);
    long count = 0;
    for (Output<TFloat32> variable : of(graph)) {
      if (!state.contains(variable.op().name())) {
        count += variable.shape().size();
      }
    }
    return count;
  }

  /** The bytes of a streaming model's state, from the variables' static shapes and element types. */
  public static long stateBytes(attnprof.api.model.StreamingStep streaming) {
    long bytes = 0;
    for (org.tensorflow.Operand<?> variable : streaming.state()) {
      Output<?> output = variable.asOutput();
      bytes += output.shape().size() * elementBytes(output.dataType());
    }
    return bytes;
  }

  private static int elementBytes(org.tensorflow.proto.DataType type) {
    return switch (type) {
      case DT_DOUBLE, DT_INT64, DT_UINT64, DT_COMPLEX64 -> 8;
      case DT_HALF, DT_BFLOAT16, DT_INT16, DT_UINT16 -> 2;
      case DT_BOOL, DT_INT8, DT_UINT8 -> 1;
      default -> 4;
    };
  }

  private static java.util.Set<String> stateNames(attnprof.api.model.StreamingStep streaming) {
    java.util.Set<String> names = new java.util.HashSet<>();
    if (streaming != null) {
      streaming.state().forEach(variable -> names.add(variable.op().name()));
    }
    return names;
  }
}
