package attnprof.engine.internal.sweep;

import attnprof.engine.PluginRegistry;
import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import attnprof.engine.internal.output.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Measures each point in a fresh child JVM, as JMH forks: a clean heap and native allocator for
 * memory figures, TensorFlow's thread settings taking effect, and a crash, out-of-memory kill or
 * hang that ends one point and not the sweep. The child's output goes to a log file per point.
 */
public final class ChildProcessExecutor implements PointExecutor {
  private final PluginRegistry registry;
  private final Path logFolder;
  private final BiFunction<Path, Path, List<String>> command;

  /**
   * @param logFolder where each point's child output is kept, or null to discard it after the point
   * @param command the child's command line for a job file and a result file
   */
  public ChildProcessExecutor(PluginRegistry registry, Path logFolder, BiFunction<Path, Path, List<String>> command) {
    this.registry = registry;
    this.logFolder = logFolder;
    this.command = command;
  }

  public ChildProcessExecutor(PluginRegistry registry, Path logFolder) {
    this(registry, logFolder, ChildJvm::command);
  }

  @Override
  public PointResult execute(PointJob job, Duration timeout) {
    long start = System.nanoTime();
    Path work = null;
    try {
      work = Files.createTempDirectory("attnprof-point-");
      Path jobFile = work.resolve("job.json");
      Path resultFile = work.resolve("result.json");
      Path log = logFolder == null ? work.resolve("child.log") : logFile(job);
      Json.write(jobFile, job);
      ProcessBuilder builder = new ProcessBuilder(command.apply(jobFile, resultFile))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(environment(job));
      Process process = builder.start();
      Thread reaper = new Thread(() -> destroy(process), "attnprof-child-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        removeHook(reaper);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!finished) {
        destroy(process);
        process.waitFor(10, TimeUnit.SECONDS);
        return ChildResults.placeholder(job).failed(PointStatus.TIMEOUT, ChildResults.timeoutMessage(timeout), seconds);
      }
      if (Files.isRegularFile(resultFile)) {
        return Json.read(resultFile, PointResult.class);
      }
      return ChildResults.fromExit(job, process.exitValue(), LogTail.lastMeaningfulLine(log), seconds);
    } catch (IOException | RuntimeException e) {
      return ChildResults.placeholder(job).failed(PointStatus.ERROR,
          "cannot run the measuring process: " + e.getMessage(), (System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ChildResults.placeholder(job).failed(PointStatus.ERROR, "interrupted", (System.nanoTime() - start) / 1e9);
    } finally {
      deleteQuietly(work);
    }
  }

  private static void destroy(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and the hook is running: it kills the child
    }
  }

  private Map<String, String> environment(PointJob job) {
    Map<String, String> environment = new java.util.HashMap<>();
    environment.put("TF_CPP_MIN_LOG_LEVEL", "1");
    try {
      environment.putAll(registry.device(job.deviceId()).processEnvironment(job.deviceId()));
    } catch (RuntimeException e) {
      // an unknown device fails in the child with the registry's message
    }
    return environment;
  }

  private Path logFile(PointJob job) throws IOException {
    Files.createDirectories(logFolder);
    String name = String.format("%03d-%s-%s-%s-b%d.log", job.index(), job.variantId().replace('/', '_'),
        PointJob.formatLength(job.length()), job.mode().id(), job.batch());
    return logFolder.resolve(name);
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temporary folder left behind is harmless
    }
  }
}
