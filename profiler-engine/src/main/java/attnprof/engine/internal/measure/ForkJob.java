package attnprof.engine.internal.measure;

import attnprof.engine.internal.point.Point;
import java.util.List;

/**
 * What one measuring process (a fork) measures: cells of points, one cell after the other. The points
 * of a cell (a variant and its baseline at one length, mode and batch size, with any other variant
 * compared with that baseline) are loaded together and timed in interleaved rounds, so that drift and
 * noisy neighbours hit them alike. Sent to a child JVM as JSON.
 *
 * @param replicate which repetition of its cells this fork is, from 0: forks are the unit of replication
 * @param process an id unique to the process within its sweep, such as {@code text_bert-f1}
 * @param cells the cells, in the order they are measured
 * @param budget how long each point is timed
 * @param details whether to measure the metrics that need one reading only (the breakdown) and write
 *     traces: the first replicate does, later ones measure only what is compared
 * @param ownProcess whether this process measures the metrics that need a process of their own, for its
 *     single point, instead of the shared ones
 * @param timeoutMillis the time limit of each point
 * @param pluginsFolder the plugins folder the sweep loaded, which the process loads too, or null
 * @param traceDirectory where to write each point's traced step as a Chrome trace, or null
 */
public record ForkJob(int replicate, String process, List<List<Point>> cells, MeasurementBudget budget,
    boolean details, boolean ownProcess, long timeoutMillis, String pluginsFolder, String traceDirectory) {

  public ForkJob {
    cells = cells.stream().map(List::copyOf).toList();
  }

  /** Every point of the fork, cell after cell. */
  public List<Point> points() {
    return cells.stream().flatMap(List::stream).toList();
  }

  /** The same fork measuring other cells, in a process of another id. */
  public ForkJob withCells(String newProcess, List<List<Point>> newCells) {
    return new ForkJob(replicate, newProcess, newCells, budget, details, ownProcess, timeoutMillis, pluginsFolder,
        traceDirectory);
  }
}
