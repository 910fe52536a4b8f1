package attnprof.engine.internal.metrics;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * The bytes a built model keeps between steps, counted from its graph: every variable (weights and,
 * in training, the optimizer's slots), and the constants and fed inputs of its step. Exact: element
 * counts times element sizes, no allocator rounding, nothing another model in the process holds.
 */
final class ModelTensors {
  private static final List<String> VARIABLES = List.of("VariableV2", "Variable");
  private static final List<String> STEP_TENSORS = List.of("Const", "Placeholder");

  private ModelTensors() {
  }

  static long bytes(Graph graph, Set<GraphOperation> step) {
    long bytes = 0;
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      boolean counted = VARIABLES.contains(op.type()) || (STEP_TENSORS.contains(op.type()) && step.contains(op));
      if (counted && op.numOutputs() > 0) {
        bytes += bytes(op.output(0).shape(), op.output(0).dataType());
      }
    }
    return bytes;
  }

  private static long bytes(Shape shape, DataType type) {
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      return 0;
    }
    return shape.size() * elementBytes(type);
  }

  /** The bytes of one element; 0 for types whose elements have no fixed size (strings, resources). */
  static int elementBytes(DataType type) {
    if (type.getNumber() > 100) {
      // a variable's output is a reference to its type (DT_FLOAT_REF = DT_FLOAT + 100)
      DataType referenced = DataType.forNumber(type.getNumber() - 100);
      return referenced == null ? 0 : elementBytes(referenced);
    }
    return switch (type) {
      case DT_FLOAT, DT_INT32, DT_UINT32, DT_QINT32 -> 4;
      case DT_DOUBLE, DT_INT64, DT_UINT64, DT_COMPLEX64 -> 8;
      case DT_HALF, DT_BFLOAT16, DT_INT16, DT_UINT16, DT_QINT16, DT_QUINT16 -> 2;
      case DT_BOOL, DT_INT8, DT_UINT8, DT_QINT8, DT_QUINT8 -> 1;
      case DT_COMPLEX128 -> 16;
      default -> 0;
    };
  }
}
