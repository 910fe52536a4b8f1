package attnprof.engine.internal.metrics;

import attnprof.api.metric.NodeStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each op's share of a traced step's wall time: every moment of the step is divided equally among the
 * ops running at that moment. Ops that run side by side on a few cores slow each other, so their own
 * durations overstate what they cost; their shares add up to the time the step was busy instead.
 */
final class ConcurrentShares {
  private ConcurrentShares() {
  }

  /** The share of each node, in microseconds, in the order of {@code nodes}. */
  static double[] of(List<NodeStats> nodes) {
    record Edge(long time, boolean start, int node) {
    }
    List<Edge> edges = new ArrayList<>(2 * nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      NodeStats node = nodes.get(i);
      long duration = Math.max(0, node.durationMicros());
      edges.add(new Edge(node.startMicros(), true, i));
      edges.add(new Edge(node.startMicros() + duration, false, i));
    }
    // at equal times, starts before ends: an op of no duration opens and closes without a gap
    edges.sort(Comparator.comparingLong(Edge::time).thenComparing(e -> !e.start()));
    double[] shares = new double[nodes.size()];
    Set<Integer> running = new LinkedHashSet<>();
    long last = Long.MIN_VALUE;
    for (Edge edge : edges) {
      if (!running.isEmpty() && edge.time() > last) {
        double each = (double) (edge.time() - last) / running.size();
        for (int node : running) {
          shares[node] += each;
        }
      }
      last = edge.time();
      if (edge.start()) {
        running.add(edge.node());
      } else {
        running.remove(edge.node());
      }
    }
    return shares;
  }
}
