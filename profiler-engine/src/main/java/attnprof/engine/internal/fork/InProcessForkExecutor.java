package attnprof.engine.internal.fork;

import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.point.Point;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import attnprof.engine.internal.measure.CellMeasurer;
import attnprof.engine.internal.measure.ForkEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures forks in this JVM, on a worker thread whose phases are held to their time limits like a
 * child's ({@link PhaseClock}). A point past its limit is recorded as {@code timeout}, but its native
 * work cannot be stopped: the worker is abandoned and keeps a core busy until it ends, and the rest of
 * the fork goes on in a new worker. That, and memory figures that share the process, is why child JVMs
 * are the default.
 */
public final class InProcessForkExecutor implements ForkExecutor {
  private final CellMeasurer measurer;

  public InProcessForkExecutor(CellMeasurer measurer) {
    this.measurer = measurer;
  }

  /** An event from the worker, with the point's result when one finished. */
  private record Said(ForkProtocol.Event event, Point job, PointResult result) {
  }

  @Override
  public List<Outcome> execute(ForkJob fork, Listener listener) {
    ForkOutcomes results = new ForkOutcomes(fork, listener);
    List<List<Point>> pending = fork.cells();
    for (int tries = 0; !pending.isEmpty(); tries++) {
      long start = System.nanoTime();
      BlockingQueue<Said> said = new LinkedBlockingQueue<>();
      String process = fork.process() + (tries == 0 ? "" : "-r" + tries);
      ForkJob attempt = fork.withCells(process, pending);
      Thread worker = new Thread(() -> {
        try {
          measurer.measure(attempt, events(said));
        } finally {
          said.add(new Said(new ForkProtocol.Event(ForkProtocol.END, -1, 0), null, null));
        }
      }, "attnprof-fork");
      worker.setDaemon(true);
      worker.start();
      PhaseClock clock = new PhaseClock(Duration.ofMillis(fork.timeoutMillis()), System.nanoTime());
      boolean ended = false;
      try {
        while (!ended && !clock.expired(System.nanoTime())) {
          Said next = said.poll(50, TimeUnit.MILLISECONDS);
          if (next == null) {
            continue;
          }
          clock.heard(next.event(), System.nanoTime());
          switch (next.event().kind()) {
            case ForkProtocol.FINISHED -> results.put(next.job().index(), next.result(), process);
            case ForkProtocol.LOADING -> {
              for (List<Point> cell : pending) {
                if (cell.get(0).index() == next.job().index()) {
                  listener.cellStarted(cell);
                }
              }
            }
            case ForkProtocol.END -> ended = true;
            default -> {
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        results.putAll(ForkRecovery.giveUp(pending, PointStatus.ERROR, "interrupted",
            (System.nanoTime() - start) / 1e9), process);
        break;
      }
      if (ended) {
        break;
      }
      // past a time limit: the worker is left to finish on its own, and its later words are not heard
      ForkRecovery.Next next = ForkRecovery.after(pending, results.byIndex(), clock.phase(), clock.index(), PointStatus.TIMEOUT,
          ChildJvm.timeoutMessage(Duration.ofMillis(fork.timeoutMillis())), (System.nanoTime() - start) / 1e9);
      results.putAll(next.failed(), process);
      pending = next.pending();
    }
    return results.list();
  }

  private static ForkEvents events(BlockingQueue<Said> said) {
    return new ForkEvents() {
      @Override
      public void loading(Point job) {
        said.add(new Said(new ForkProtocol.Event(ForkProtocol.LOADING, job.index(), 0), job, null));
      }

      @Override
      public void timing(List<Point> jobs, double seconds) {
        said.add(new Said(new ForkProtocol.Event(ForkProtocol.TIMING, -1, seconds), null, null));
      }

      @Override
      public void measuring(Point job) {
        said.add(new Said(new ForkProtocol.Event(ForkProtocol.MEASURING, job.index(), 0), job, null));
      }

      @Override
      public void finished(Point job, PointResult result) {
        said.add(new Said(new ForkProtocol.Event(ForkProtocol.FINISHED, job.index(), 0), job, result));
      }
    };
  }
}
