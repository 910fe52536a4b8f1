package attnprof.engine.internal.worker;

import attnprof.engine.PluginRegistry;
import attnprof.engine.PointResult;
import attnprof.engine.internal.measure.PointMeasurer;
import attnprof.engine.internal.output.Json;
import attnprof.engine.internal.registry.PluginLoader;
import attnprof.engine.internal.sweep.PointJob;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of a child JVM: reads one point's job, measures it, writes its result. Exits 0
 * whenever it wrote a result, whatever the point's status.
 */
public final class WorkerMain {
  private WorkerMain() {
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: WorkerMain JOB_FILE RESULT_FILE");
      System.exit(2);
    }
    // a sweep that dies (killed, interrupted) takes its measuring process with it
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    PointJob job = Json.read(Path.of(args[0]), PointJob.class);
    Path plugins = job.pluginsFolder() == null ? null : Path.of(job.pluginsFolder());
    PluginRegistry registry = new PluginLoader(plugins, List.of()).load();
    registry.diagnostics().forEach(d -> System.err.println(d.line()));
    PointResult result = new PointMeasurer(registry, System.err::println).measure(job);
    Json.write(Path.of(args[1]), result);
    System.out.println("measured " + job.label() + ": " + result.status().id());
    // TensorFlow's thread pools are not daemons; leave without waiting for them
    System.exit(0);
  }
}
