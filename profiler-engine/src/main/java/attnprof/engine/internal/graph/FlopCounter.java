package attnprof.engine.internal.graph;

import attnprof.api.model.Component;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;

/**
 * Counts the floating-point operations of a set of ops from their types and static shapes, with the
 * conventions of the usual counters (fvcore, ptflops, TensorFlow's own profiler):
 *
 * <ul>
 *   <li>matrix products ({@code MatMul}, {@code BatchMatMul*}): 2 per multiply-add, so
 *       2·(output elements)·(contracted dimension);
 *   <li>convolutions and their gradients: 2 per multiply-add, 2·(output positions)·(filter size);
 *   <li>element-wise ops (arithmetic, activations and their gradients, bias additions, selections,
 *       casts excluded): 1 per output element; {@code AddN} of n tensors n-1;
 *   <li>reductions (sums, means, maxima, cumulative sums, bias gradients): 1 per input element;
 *   <li>{@code Softmax} and {@code LogSoftmax}: 5 per element (maximum, subtraction, exponential, sum,
 *       division); softmax cross-entropy: 8 per logit;
 *   <li>Adam's update ({@code ApplyAdam}): 10 per weight element;
 *   <li>real FFTs ({@code RFFT}): 2.5·N·log₂N per transform of length N, the usual count for a real
 *       FFT (half a complex one's 5·N·log₂N);
 *   <li>everything that only moves data (reshapes, transposes, gathers, slices, concatenations, pads,
 *       copies, shapes, constants, variables): 0.
 * </ul>
 *
 * An op of another type, or with a shape that is not fully known, is not counted and is listed in
 * {@link Count#uncounted()}, so a gap in the count is visible. Beside the FLOPs, the bytes each computing op reads
 * and writes (its inputs' and outputs' elements, 4 bytes each, as if nothing stayed in a cache): what the roofline's
 * arithmetic intensity divides by.
 */
public final class FlopCounter {
  private static final Set<String> MATRIX_PRODUCTS = Set.of("MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3");
  private static final Set<String> ELEMENT_WISE = Set.of(
      "Add", "AddV2", "Sub", "Mul", "Div", "RealDiv", "DivNoNan", "FloorDiv", "Maximum", "Minimum", "Pow",
      "SquaredDifference", "Square", "Sqrt", "Rsqrt", "Exp", "Expm1", "Log", "Log1p", "Tanh", "Sigmoid", "Relu",
      "Relu6", "Elu", "Selu", "Softplus", "Softsign", "Erf", "Erfc", "Neg", "Abs", "Reciprocal", "Sign", "Floor",
      "Ceil", "Round", "Sin", "Cos", "BiasAdd", "Select", "SelectV2", "ReluGrad", "Relu6Grad", "EluGrad", "TanhGrad",
      "SigmoidGrad", "RsqrtGrad", "SqrtGrad", "ReciprocalGrad", "SoftplusGrad", "Greater", "GreaterEqual", "Less",
      "LessEqual", "Equal", "NotEqual", "LogicalAnd", "LogicalOr", "LogicalNot", "Mod", "FloorMod", "ClipByValue",
      "LeakyRelu", "LeakyReluGrad", "ComplexAbs", "Real", "Imag");
  private static final Set<String> REDUCTIONS = Set.of("Sum", "Mean", "Max", "Min", "Prod", "Cumsum", "Cumprod",
      "BiasAddGrad", "ArgMax", "ArgMin", "All", "Any");
  private static final Set<String> CONVOLUTIONS = Set.of("Conv2D", "DepthwiseConv2dNative", "Conv2DBackpropInput",
      "Conv2DBackpropFilter", "DepthwiseConv2dNativeBackpropInput", "DepthwiseConv2dNativeBackpropFilter");
  private static final Set<String> DATA_MOVEMENT = Set.of(
      "Const", "Identity", "IdentityN", "NoOp", "Placeholder", "PlaceholderWithDefault", "VariableV2", "VarHandleOp",
      "ReadVariableOp", "Assign", "AssignVariableOp", "Reshape", "Transpose", "ConjugateTranspose", "ExpandDims",
      "Squeeze", "Shape", "ShapeN", "Size", "Rank", "Fill", "Range", "Pack", "Unpack", "Concat", "ConcatV2",
      "ConcatOffset", "Split", "SplitV", "Slice", "StridedSlice", "StridedSliceGrad", "Gather", "GatherV2",
      "GatherNd", "ScatterNd", "UnsortedSegmentSum", "Pad", "PadV2", "MirrorPad", "Tile", "BroadcastTo",
      "BroadcastGradientArgs", "Cast", "StopGradient", "PreventGradient", "Snapshot", "ZerosLike", "DynamicStitch",
      "InvertPermutation", "ReverseV2", "Roll", "OneHot", "StatelessTruncatedNormal", "StatelessRandomNormal",
      "StatelessRandomUniform", "TruncatedNormal", "RandomStandardNormal", "RandomUniform", "Where", "OnesLike");

  private FlopCounter() {
  }

  /**
   * What a set of ops costs.
   *
   * @param byComponent FLOPs per component (every component present, zero when it has none)
   * @param uncounted the types of the ops that were not counted, with why
   * @param bytesByComponent the bytes the computing ops of each component read and write (every component present)
   */
  public record Count(Map<Component, Long> byComponent, Set<String> uncounted, Map<Component, Long> bytesByComponent) {
    public long total() {
      return byComponent.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Counts {@code ops}, each attributed to a component by its name ({@link OpAttribution#componentOf}). */
  public static Count count(Collection<GraphOperation> ops, Function<String, Optional<Component>> componentOf) {
    Map<Component, Long> byComponent = new EnumMap<>(Component.class);
    Map<Component, Long> bytes = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      byComponent.put(component, 0L);
      bytes.put(component, 0L);
    }
    Set<String> uncounted = new TreeSet<>();
    for (GraphOperation op : ops) {
      long flops;
      try {
        flops = flops(op);
      } catch (UncountedOp e) {
        uncounted.add(op.type() + " (" + e.getMessage() + ")");
        continue;
      }
      if (flops > 0) {
        Component component = componentOf.apply(op.name()).orElse(Component.OTHER);
        byComponent.merge(component, flops, Long::sum);
        bytes.merge(component, bytesMoved(op), Long::sum);
      }
    }
    return new Count(byComponent, uncounted, bytes);
  }

  /** The names of the ops among {@code ops} that compute (count FLOPs) but are under no component scope. */
  public static List<String> computingOutsideComponents(Collection<GraphOperation> ops,
      Function<String, Optional<Component>> componentOf) {
    List<String> outside = new java.util.ArrayList<>();
    for (GraphOperation op : ops) {
      try {
        if (flops(op) > 0 && componentOf.apply(op.name()).isEmpty()) {
          outside.add(op.name() + " (" + op.type() + ")");
        }
      } catch (UncountedOp e) {
        // counted as uncounted elsewhere
      }
    }
    java.util.Collections.sort(outside);
    return outside;
  }

  /** The bytes an op reads and writes: its inputs' and outputs' elements with known shapes, 4 bytes each. */
  static long bytesMoved(GraphOperation op) {
    long elements = 0;
    for (int i = 0; i < op.numInputs(); i++) {
      elements += knownElements(op.input(i).shape());
    }
    for (int i = 0; i < op.numOutputs(); i++) {
      elements += knownElements(op.output(i).shape());
    }
    return elements * Float.BYTES;
  }

  private static long knownElements(Shape shape) {
    return shape.isUnknown() || shape.hasUnknownDimension() ? 0 : shape.size();
  }

  /** The FLOPs of one op. */
  static long flops(GraphOperation op) throws UncountedOp {
    String type = op.type();
    if (DATA_MOVEMENT.contains(type)) {
      return 0;
    }
    if (op.numOutputs() == 0) {
      // ops that only order others (NoOp) or only change state counted above
      return 0;
    }
    if (MATRIX_PRODUCTS.contains(type)) {
      return 2 * elements(op.output(0).shape()) * contracted(op);
    }
    if (ELEMENT_WISE.contains(type)) {
      return elements(op.output(0).shape());
    }
    if (type.equals("AddN")) {
      return (op.numInputs() - 1L) * elements(op.output(0).shape());
    }
    if (REDUCTIONS.contains(type)) {
      return elements(op.input(0).shape());
    }
    if (type.equals("Softmax") || type.equals("LogSoftmax")) {
      return 5 * elements(op.output(0).shape());
    }
    if (type.equals("SoftmaxCrossEntropyWithLogits")) {
      return 8 * elements(op.input(0).shape());
    }
    if (type.equals("ApplyAdam") || type.equals("ResourceApplyAdam")) {
      return 10 * elements(op.input(0).shape());
    }
    if (CONVOLUTIONS.contains(type)) {
      return convolution(op);
    }
    if (type.equals("RFFT")) {
      Shape signal = op.input(0).shape();
      long length = known(signal.size(signal.numDimensions() - 1));
      long transforms = elements(signal) / Math.max(1, length);
      return Math.round(transforms * 2.5 * length * Math.log(length) / Math.log(2));
    }
    throw new UncountedOp("no rule for this op type");
  }

  /** The contracted dimension of a matrix product, from its first operand and transpose attributes. */
  private static long contracted(GraphOperation op) throws UncountedOp {
    Shape a = op.input(0).shape();
    boolean batched = !op.type().equals("MatMul");
    boolean transposed = op.attributes().getAttrBool(batched ? "adj_x" : "transpose_a");
    int rank = a.numDimensions();
    if (rank < 2) {
      throw new UncountedOp("operand of unknown rank");
    }
    return known(transposed ? a.size(rank - 2) : a.size(rank - 1));
  }

  /**
   * A convolution's multiply-adds: for each output position (batch, rows, columns) of the forward
   * convolution, the filter's full size (rows·columns·input channels·output channels, or rows·columns
   * ·channels·multiplier for a depthwise filter). Its two gradients cost the same as the forward.
   */
  private static long convolution(GraphOperation op) throws UncountedOp {
    String type = op.type();
    Shape filter;
    Shape forwardOutput;
    if (type.endsWith("BackpropInput")) {
      filter = op.input(1).shape();
      forwardOutput = op.input(2).shape();
    } else if (type.endsWith("BackpropFilter")) {
      filter = op.output(0).shape();
      forwardOutput = op.input(2).shape();
    } else {
      filter = op.input(1).shape();
      forwardOutput = op.output(0).shape();
    }
    if (filter.numDimensions() != 4 || forwardOutput.numDimensions() != 4) {
      throw new UncountedOp("filter or output of unknown rank");
    }
    long positions = elements(forwardOutput) / known(forwardOutput.size(3));
    return 2 * positions * elements(filter);
  }

  private static long elements(Shape shape) throws UncountedOp {
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new UncountedOp("shape not known before running");
    }
    return shape.size();
  }

  private static long known(long dimension) throws UncountedOp {
    if (dimension < 0) {
      throw new UncountedOp("shape not known before running");
    }
    return dimension;
  }

  /** An op the counter cannot count, with why. */
  static final class UncountedOp extends Exception {
    UncountedOp(String reason) {
      super(reason, null, false, false);
    }
  }
}
