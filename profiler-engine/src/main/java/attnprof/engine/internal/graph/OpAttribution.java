package attnprof.engine.internal.graph;

import attnprof.api.model.Component;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;

/**
 * Which component each op of a graph counts for. A forward op counts for the component its name scope
 * names. The ops added to train a model carry no scope of their own ({@code Gradients/MatMul_7}, the
 * optimizer's {@code optimizer/ApplyAdam_3}), so each counts for the component of what it reads: the
 * weight it reads, if it reads one (the input gradient of a projection reads its kernel; an update
 * reads the weight it changes); else the forward ops it reads, by majority (a softmax's gradient reads
 * the softmax); else the gradient ops it reads (sums and reshapes of gradients).
 */
public final class OpAttribution {
  private static final Set<String> DERIVED_PREFIXES = Set.of("Gradients", "optimizer");
  private static final Set<String> WEIGHT_TYPES = Set.of("VariableV2", "VarHandleOp", "ReadVariableOp");

  private final Map<String, Optional<Component>> byName;

  private OpAttribution(Map<String, Optional<Component>> byName) {
    this.byName = byName;
  }

  /** Attributes every op of the graph; ops are visited in creation order, so inputs come first. */
  public static OpAttribution of(Graph graph) {
    Map<String, Optional<Component>> byName = new HashMap<>();
    Map<String, Boolean> isWeight = new HashMap<>();
    Iterator<GraphOperation> ops = graph.operations();
    while (ops.hasNext()) {
      GraphOperation op = ops.next();
      boolean derived = isDerived(op.name());
      isWeight.put(op.name(), !derived && (WEIGHT_TYPES.contains(op.type()) || readsWeight(op, isWeight)));
      byName.put(op.name(), derived ? derive(op, byName, isWeight) : Component.scopeOf(op.name()));
    }
    attributeWeightGradients(graph, byName);
    return new OpAttribution(byName);
  }

  /**
   * Gives each weight update's gradient, and every gradient op whose outputs go only into it, the
   * component of the weight the update changes.
   */
  private static void attributeWeightGradients(Graph graph, Map<String, Optional<Component>> byName) {
    Iterator<GraphOperation> ops = graph.operations();
    while (ops.hasNext()) {
      GraphOperation update = ops.next();
      if (!isDerived(update.name()) || !(update.type().startsWith("Apply") || update.type().startsWith("ResourceApply"))) {
        continue;
      }
      Optional<Component> component = byName.getOrDefault(update.input(0).op().name(), Optional.empty());
      if (component.isEmpty()) {
        continue;
      }
      Set<GraphOperation> only = new java.util.HashSet<>();
      only.add(update);
      java.util.Deque<GraphOperation> pending = new java.util.ArrayDeque<>();
      for (Operand<?> input : update.inputs()) {
        pending.add((GraphOperation) input.op());
      }
      while (!pending.isEmpty()) {
        GraphOperation candidate = pending.pop();
        if (only.contains(candidate) || !candidate.name().startsWith("Gradients/")
            || !only.containsAll(candidate.consumers())) {
          continue;
        }
        only.add(candidate);
        byName.put(candidate.name(), component);
        for (Operand<?> input : candidate.inputs()) {
          pending.add((GraphOperation) input.op());
        }
      }
    }
  }

  /**
   * The component of an op by the name a graph or a traced step gives it. A name the graph does not
   * have (TensorFlow's optimizer renames and fuses ops when it runs a step) takes the attribution of
   * its longest prefix the graph has, or else its own name scope.
   */
  public Optional<Component> componentOf(String nodeName) {
    String name = nodeName;
    while (true) {
      Optional<Component> known = byName.get(name);
      if (known != null) {
        return known;
      }
      int slash = name.lastIndexOf('/');
      if (slash < 0) {
        return Component.scopeOf(nodeName);
      }
      name = name.substring(0, slash);
    }
  }

  private static boolean isDerived(String name) {
    int slash = name.indexOf('/');
    return slash > 0 && DERIVED_PREFIXES.contains(name.substring(0, slash)) && Component.scopeOf(name).isEmpty();
  }

  /** A read of a weight: an identity of a variable, as {@code Net} reads every weight. */
  private static boolean readsWeight(GraphOperation op, Map<String, Boolean> isWeight) {
    return op.type().equals("Identity") && op.numInputs() == 1
        && WEIGHT_TYPES.contains(op.input(0).op().type());
  }

  private static Optional<Component> derive(GraphOperation op, Map<String, Optional<Component>> byName,
      Map<String, Boolean> isWeight) {
    Map<Component, Integer> forward = new EnumMap<>(Component.class);
    Map<Component, Integer> gradients = new EnumMap<>(Component.class);
    for (Operand<?> input : op.inputs()) {
      String name = input.op().name();
      Optional<Component> component = byName.getOrDefault(name, Optional.empty());
      if (component.isEmpty()) {
        continue;
      }
      if (isWeight.getOrDefault(name, false)) {
        return component;
      }
      (isDerived(name) ? gradients : forward).merge(component.get(), 1, Integer::sum);
    }
    Map<Component, Integer> votes = forward.isEmpty() ? gradients : forward;
    return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }
}
