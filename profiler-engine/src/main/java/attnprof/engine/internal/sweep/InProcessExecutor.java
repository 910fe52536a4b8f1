package attnprof.engine.internal.sweep;

import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import attnprof.engine.internal.measure.PointMeasurer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures points in this JVM, each on a worker thread with a time limit. A point past its limit is
 * recorded as {@code timeout}, but its native work cannot be stopped: it keeps a core busy until it
 * ends, which is why child JVMs are the default.
 */
public final class InProcessExecutor implements PointExecutor {
  private final PointMeasurer measurer;
  private ExecutorService worker = newWorker();

  public InProcessExecutor(PointMeasurer measurer) {
    this.measurer = measurer;
  }

  @Override
  public PointResult execute(PointJob job, Duration timeout) {
    long start = System.nanoTime();
    Future<PointResult> future = worker.submit(() -> measurer.measure(job));
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker(); // the stuck thread is abandoned; the next point gets a fresh one
      return ChildResults.placeholder(job).failed(PointStatus.TIMEOUT, ChildResults.timeoutMessage(timeout),
          (System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ChildResults.placeholder(job).failed(PointStatus.ERROR, "interrupted", (System.nanoTime() - start) / 1e9);
    } catch (ExecutionException e) {
      return ChildResults.placeholder(job).failed(PointStatus.ERROR, String.valueOf(e.getCause()),
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "attnprof-point");
      thread.setDaemon(true);
      return thread;
    });
  }
}
