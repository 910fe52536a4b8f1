package attnprof.engine.internal.fork;

import attnprof.engine.internal.point.Point;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to do when a measuring process ends before its fork is done (killed past a time limit, out of
 * memory, crashed): the point it was loading or measuring gets the failure; when it was timing a cell's
 * points side by side, each of them is measured again alone, so that only the one that fails loses;
 * every point it had not reached is measured in a new process.
 */
final class ForkRecovery {
  private ForkRecovery() {
  }

  /**
   * The cells still to measure and the points that failed.
   *
   * @param pending the cells the process was given
   * @param finished the results it gave, by point index
   * @param phase what it said last ({@link PhaseClock#phase()})
   * @param index the point it last named, or -1
   */
  record Next(List<List<Point>> pending, Map<Integer, PointResult> failed) {
  }

  static Next after(List<List<Point>> pending, Map<Integer, ?> finished, String phase, int index,
      PointStatus status, String message, double seconds) {
    List<List<Point>> left = new ArrayList<>();
    for (List<Point> cell : pending) {
      List<Point> open = cell.stream().filter(job -> !finished.containsKey(job.index())).toList();
      if (!open.isEmpty()) {
        left.add(open);
      }
    }
    Map<Integer, PointResult> failed = new java.util.LinkedHashMap<>();
    boolean pointPhase = phase.equals(ForkProtocol.LOADING) || phase.equals(ForkProtocol.MEASURING);
    if (pointPhase && index >= 0) {
      for (List<Point> cell : left) {
        cell.stream().filter(job -> job.index() == index).findFirst()
            .ifPresent(job -> failed.put(job.index(), job.failed(status, message, seconds)));
      }
      List<List<Point>> without = new ArrayList<>();
      for (List<Point> cell : left) {
        List<Point> rest = cell.stream().filter(job -> job.index() != index).toList();
        if (!rest.isEmpty()) {
          without.add(rest);
        }
      }
      return new Next(without, failed);
    }
    if (phase.equals(ForkProtocol.TIMING) && !left.isEmpty()) {
      List<Point> timed = left.get(0);
      if (timed.size() == 1) {
        failed.put(timed.get(0).index(), timed.get(0).failed(status, message, seconds));
        return new Next(left.subList(1, left.size()), failed);
      }
      List<List<Point>> split = new ArrayList<>();
      timed.forEach(job -> split.add(List.of(job)));
      split.addAll(left.subList(1, left.size()));
      return new Next(split, failed);
    }
    return new Next(left, failed);
  }

  /** Every point still to measure fails: the process gets nowhere with them. */
  static Map<Integer, PointResult> giveUp(List<List<Point>> pending, PointStatus status, String message,
      double seconds) {
    Map<Integer, PointResult> failed = new java.util.LinkedHashMap<>();
    pending.stream().flatMap(List::stream).forEach(job -> failed.put(job.index(), job.failed(status, message, seconds)));
    return failed;
  }
}
