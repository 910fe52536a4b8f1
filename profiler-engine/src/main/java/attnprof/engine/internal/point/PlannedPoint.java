package attnprof.engine.internal.point;

/**
 * One point of a plan file: the point resolved (run as written, never planned again), and what a scheduler and
 * a person read of it.
 *
 * @param id a stable id: a hash of the point's resolved configuration, its measuring settings, the device and the
 *     attnprof version (the same point planned again gets the same id)
 * @param key the point's key in a run, as the results database stores it ({@code text/bert|synthetic|512|inference|1})
 * @param label how progress names the point: {@code text/bert 512 inference b1}
 * @param point the point
 * @param cell the group of points measured side by side (a length's variants), which a shard keeps whole
 * @param predictedSeconds how long measuring the point (all its forks) should take
 */
public record PlannedPoint(String id, String key, String label, Point point, int cell, double predictedSeconds) {

  /** A planned point, its key and label as the point has them. */
  public static PlannedPoint of(String id, Point point, int cell, double predictedSeconds) {
    return new PlannedPoint(id, point.key().toString(), point.label(), point, cell, predictedSeconds);
  }

  /** The point's position in its sweep. */
  public int index() {
    return point.index();
  }

}
