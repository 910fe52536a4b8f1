package attnprof.engine.internal.fork;

import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.point.Point;
import attnprof.engine.result.PointResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of a fork's points as they come in, each told to the listener once: from the process that measured
 * the point, or made for it (a failure found outside the process) when it gave none.
 */
final class ForkOutcomes {
  private final Map<Integer, ForkExecutor.Outcome> byIndex = new LinkedHashMap<>();
  private final Map<Integer, Point> points = new HashMap<>();
  private final ForkExecutor.Listener listener;

  ForkOutcomes(ForkJob fork, ForkExecutor.Listener listener) {
    fork.points().forEach(point -> points.put(point.index(), point));
    this.listener = listener;
  }

  /** The point at {@code index} ended with {@code result} in {@code process}. */
  void put(int index, PointResult result, String process) {
    ForkExecutor.Outcome outcome = new ForkExecutor.Outcome(points.get(index), result, process);
    byIndex.put(index, outcome);
    listener.pointFinished(outcome);
  }

  /** Outcomes made for points of a process that gave none. */
  void putAll(Map<Integer, PointResult> failed, String process) {
    failed.forEach((index, result) -> put(index, result, process));
  }

  /** Outcomes the listener heard already, as they came in. */
  void heard(Map<Integer, ForkExecutor.Outcome> outcomes) {
    byIndex.putAll(outcomes);
  }

  Map<Integer, ForkExecutor.Outcome> byIndex() {
    return byIndex;
  }

  List<ForkExecutor.Outcome> list() {
    return new ArrayList<>(byIndex.values());
  }
}
