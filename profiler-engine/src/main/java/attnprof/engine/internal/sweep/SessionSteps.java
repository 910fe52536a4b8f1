package attnprof.engine.internal.sweep;

import attnprof.engine.internal.plan.RemainingTime;
import attnprof.engine.internal.point.Point;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A session's steps as progress shows them (a step: one cell of points in one process), and the time the sweep
 * should still take: what is left of the grid or the current refinement wave, estimated from the points measured
 * so far, and the refinement budget not yet spent when refinement lies ahead (the refinement of a sweep with
 * tipping points to narrow down takes most of its budget, and stops before overrunning it).
 */
final class SessionSteps {
  private final ProgressListener progress;
  private final Clock clock;
  private final Duration refineBudget;
  private final ToIntFunction<Point> forksOf;
  private final RemainingTime remainingTime = new RemainingTime();
  private int done;
  private int planned;
  private long cellStartNanos = System.nanoTime();
  private Map<Point, Integer> current = Map.of();
  private boolean refinementAhead;
  /** Refinement's time so far: the finished waves', and since when the current one runs. */
  private long refineSpentMillis;
  private long waveStartedMillis;
  private boolean waveRunning;

  SessionSteps(ProgressListener progress, Clock clock, Duration refineBudget, ToIntFunction<Point> forksOf) {
    this.progress = progress;
    this.clock = clock;
    this.refineBudget = refineBudget;
    this.forksOf = forksOf;
  }

  void plan(int steps) {
    planned += steps;
  }

  int planned() {
    return planned;
  }

  /** Whether refinement will run after the grid: its budget then counts in the time left. */
  void refinementAhead(boolean ahead) {
    refinementAhead = ahead;
  }

  /** Measuring these points to these numbers of forks starts. */
  void measuring(Map<Point, Integer> targets) {
    current = targets;
  }

  void cellStarted(String label) {
    cellStartNanos = System.nanoTime();
    progress.stepStarted(done, Math.max(planned, done + 1), label);
  }

  void pointFinished(Point point, double wallSeconds) {
    remainingTime.finished(point, wallSeconds);
  }

  void cellFinished(String label, List<PointResult> results) {
    done++;
    planned = Math.max(planned, done);
    progress.stepFinished(done - 1, planned, label, results, (System.nanoTime() - cellStartNanos) / 1e9, timeLeft());
  }

  /** A refinement wave of {@code steps} steps starts; {@code why} says which tipping points it narrows down. */
  void waveStarted(String why, int steps) {
    plan(steps);
    progress.refining(why, steps);
    waveStartedMillis = clock.millis();
    waveRunning = true;
  }

  void waveEnded() {
    waveRunning = false;
    refineSpentMillis += clock.millis() - waveStartedMillis;
  }

  /** Refinement's time spent in finished waves. */
  long refineSpentMillis() {
    return refineSpentMillis;
  }

  /** How long measuring these points to their targets should take, from the points measured so far. */
  double predictedMillis(Map<Point, Integer> targets) {
    return 1000 * remainingTime.secondsOf(forksLeft(targets));
  }

  private Duration timeLeft() {
    double measuring = remainingTime.secondsOf(forksLeft(current));
    if (!refinementAhead) {
      return Duration.ofMillis(Math.round(1000 * measuring));
    }
    long spentNow = refineSpentMillis + (waveRunning ? clock.millis() - waveStartedMillis : 0);
    double unspent = Math.max(0, refineBudget.toMillis() - spentNow) / 1000.0;
    double seconds = waveRunning ? Math.max(measuring, unspent) : measuring + unspent;
    return Duration.ofMillis(Math.round(1000 * seconds));
  }

  /** One entry per point and fork still to come. */
  private List<Point> forksLeft(Map<Point, Integer> targets) {
    List<Point> left = new ArrayList<>();
    targets.forEach((point, target) -> {
      for (int i = Math.min(forksOf.applyAsInt(point), target); i < target; i++) {
        left.add(point);
      }
    });
    return left;
  }
}
