package attnprof.engine.internal.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;

/** The ops a step runs: the fetches and targets, and everything they depend on through data or control. */
public final class StepOperations {
  private StepOperations() {
  }

  /** Every op the given ops depend on, themselves included. */
  public static Set<GraphOperation> closureOf(Set<GraphOperation> roots) {
    Set<GraphOperation> seen = new LinkedHashSet<>();
    Deque<GraphOperation> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      GraphOperation op = pending.pop();
      if (!seen.add(op)) {
        continue;
      }
      for (Operand<?> input : op.inputs()) {
        pending.push((GraphOperation) input.op());
      }
      pending.addAll(op.controlInputs());
    }
    return seen;
  }
}
