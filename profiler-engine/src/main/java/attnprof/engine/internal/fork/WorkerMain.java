package attnprof.engine.internal.fork;

import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.PointResult;
import attnprof.engine.internal.measure.CellMeasurer;
import attnprof.engine.internal.measure.ForkEvents;
import attnprof.engine.format.Json;
import attnprof.engine.internal.registry.PluginLoader;
import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.point.Point;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of a child JVM (a fork): reads its fork's job, measures its cells, and says what it
 * does as it goes in the protocol's events file, with each point's result in a file of its own. Exits
 * 0 whenever it got to the end, whatever its points' statuses.
 */
public final class WorkerMain {
  private WorkerMain() {
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: WorkerMain FORK_JOB_FILE WORK_FOLDER");
      System.exit(2);
    }
    // a sweep that dies (killed, interrupted) takes its measuring process with it
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    ForkJob fork = Json.read(Path.of(args[0]), ForkJob.class);
    ForkProtocol protocol = new ForkProtocol(Path.of(args[1]));
    String pluginsFolder = fork.pluginsFolder();
    PluginRegistry registry = new PluginLoader(pluginsFolder == null ? null : Path.of(pluginsFolder), List.of()).load();
    registry.diagnostics().forEach(d -> System.err.println(d.line()));
    new CellMeasurer(registry, System.err::println).measure(fork, new ForkEvents() {
      @Override
      public void loading(Point job) {
        protocol.say(ForkProtocol.LOADING, job.index());
      }

      @Override
      public void timing(List<Point> jobs, double seconds) {
        protocol.sayTiming(seconds);
      }

      @Override
      public void measuring(Point job) {
        protocol.say(ForkProtocol.MEASURING, job.index());
      }

      @Override
      public void finished(Point job, PointResult result) {
        protocol.writeResult(job.index(), result);
        System.out.println("measured " + job.label() + ": " + result.status().id());
      }
    });
    protocol.sayEnd();
    // TensorFlow's thread pools are not daemons; leave without waiting for them
    System.exit(0);
  }
}
