package attnprof.engine.internal.fork;

import attnprof.engine.internal.measure.ForkJob;
import attnprof.engine.internal.point.Point;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.PointStatus;
import attnprof.engine.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Measures each fork in fresh child JVMs, as JMH forks: a clean heap and native allocator, TensorFlow's
 * thread settings taking effect, and a crash, out-of-memory kill or hang that costs one point, not the
 * sweep. The child says what it does as it goes ({@link ForkProtocol}); each phase is held to its time
 * limit ({@link PhaseClock}); when the child dies or is killed, the point it was on gets the failure
 * and the rest of the fork goes on in a new child ({@link ForkRecovery}). The child's output goes to a
 * log file per process.
 */
public final class ChildForkExecutor implements ForkExecutor {
  private static final long POLL_MILLIS = 50;

  private final PluginRegistry registry;
  private final Path logFolder;
  private final BiFunction<Path, Path, List<String>> command;

  /**
   * @param logFolder where each process' output is kept, or null to discard it
   * @param command the child's command line for a fork-job file and a work folder
   */
  public ChildForkExecutor(PluginRegistry registry, Path logFolder, BiFunction<Path, Path, List<String>> command) {
    removeStaleWorkFolders(Path.of(System.getProperty("java.io.tmpdir")));
    this.registry = registry;
    this.logFolder = logFolder;
    this.command = command;
  }

  public ChildForkExecutor(PluginRegistry registry, Path logFolder) {
    this(registry, logFolder, ChildJvm::command);
  }

  @Override
  public List<Outcome> execute(ForkJob fork, Listener listener) {
    ForkOutcomes results = new ForkOutcomes(fork, listener);
    List<List<Point>> pending = fork.cells();
    int deathsAtStart = 0;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      String process = fork.process() + (attempt == 0 ? "" : "-r" + attempt);
      Attempt run = attempt(fork.withCells(process, pending), listener);
      int before = results.byIndex().size();
      results.heard(run.finished);
      if (run.diedAtStart()) {
        // killed before it said a word (a busy machine, a cgroup limit): nothing is known of its points, which go
        // to a new process; after a few such deaths they are left not run, for a resume to measure
        if (++deathsAtStart <= REPLACEMENTS_AFTER_DEATH_AT_START) {
          continue;
        }
        results.putAll(ForkRecovery.giveUp(pending, PointStatus.NOT_RUN, deathsAtStart
            + " measuring processes in a row died before they measured anything; the last: " + run.message,
            run.seconds), process);
        break;
      }
      if (run.completed) {
        // a child that got to its end but left a point without a result: nothing more to learn by rerunning it
        results.putAll(ForkRecovery.giveUp(open(pending, results.byIndex()), PointStatus.ERROR,
            "the measuring process gave no result", run.seconds), process);
        break;
      }
      ForkRecovery.Next next = ForkRecovery.after(pending, results.byIndex(), run.phase, run.index, run.status,
          run.message, run.seconds);
      results.putAll(next.failed(), process);
      if (results.byIndex().size() == before && next.failed().isEmpty()
          && next.pending().equals(open(pending, results.byIndex()))) {
        // the process died before saying anything useful: another would too
        results.putAll(ForkRecovery.giveUp(next.pending(), run.status, run.message, run.seconds), process);
        break;
      }
      pending = next.pending();
    }
    return results.list();
  }

  private static List<List<Point>> open(List<List<Point>> cells, Map<Integer, Outcome> results) {
    List<List<Point>> open = new ArrayList<>();
    for (List<Point> cell : cells) {
      List<Point> left = cell.stream().filter(job -> !results.containsKey(job.index())).toList();
      if (!left.isEmpty()) {
        open.add(left);
      }
    }
    return open;
  }

  /** New processes a fork's points get when their process is killed before it says anything. */
  static final int REPLACEMENTS_AFTER_DEATH_AT_START = 2;

  /** How one child process went. */
  private static final class Attempt {
    final Map<Integer, Outcome> finished = new HashMap<>();
    boolean completed;
    boolean started;
    boolean killed;
    String phase = PhaseClock.STARTING;
    int index = -1;
    PointStatus status = PointStatus.ERROR;
    String message = "";
    double seconds;

    /** Killed (by a signal, or past its time limit) before it said a word. */
    boolean diedAtStart() {
      return killed && !completed && phase.equals(PhaseClock.STARTING) && finished.isEmpty();
    }
  }

  private Attempt attempt(ForkJob job, Listener listener) {
    Attempt attempt = new Attempt();
    long start = System.nanoTime();
    Map<Integer, Point> byIndex = new HashMap<>();
    Map<Integer, List<Point>> cellOf = new HashMap<>();
    for (List<Point> cell : job.cells()) {
      for (Point point : cell) {
        byIndex.put(point.index(), point);
        cellOf.put(point.index(), cell);
      }
    }
    Path work = null;
    try {
      work = Files.createTempDirectory(WORK_PREFIX + ProcessHandle.current().pid() + "-");
      Path jobFile = work.resolve("fork.json");
      Json.write(jobFile, job);
      ForkProtocol protocol = new ForkProtocol(work);
      Path log = logFolder == null ? work.resolve("child.log") : logFile(job.process());
      ProcessBuilder builder = new ProcessBuilder(command.apply(jobFile, work))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(environment(job));
      Process process = builder.start();
      attempt.started = true;
      Thread reaper = new Thread(() -> destroy(process), "attnprof-child-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
      PhaseClock clock = new PhaseClock(Duration.ofMillis(job.timeoutMillis()), System.nanoTime());
      int seen = 0;
      boolean killed = false;
      try {
        while (true) {
          boolean exited = process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
          List<ForkProtocol.Event> events = protocol.read(seen);
          seen += events.size();
          for (ForkProtocol.Event event : events) {
            clock.heard(event, System.nanoTime());
            if (event.kind().equals(ForkProtocol.LOADING) && isFirstOfCell(event.index(), cellOf)) {
              tell(() -> listener.cellStarted(cellOf.get(event.index())));
            }
            if (event.kind().equals(ForkProtocol.FINISHED)) {
              Outcome outcome = new Outcome(byIndex.get(event.index()), protocol.readResult(event.index()),
                  job.process());
              attempt.finished.put(event.index(), outcome);
              tell(() -> listener.pointFinished(outcome));
            }
            if (event.kind().equals(ForkProtocol.END)) {
              attempt.completed = true;
            }
          }
          if (exited) {
            break;
          }
          if (clock.expired(System.nanoTime())) {
            destroy(process);
            process.waitFor(10, TimeUnit.SECONDS);
            killed = true;
            break;
          }
        }
      } catch (ListenerFailure e) {
        destroy(process);
        throw e;
      } finally {
        removeHook(reaper);
      }
      attempt.seconds = (System.nanoTime() - start) / 1e9;
      attempt.phase = clock.phase();
      attempt.index = clock.index();
      attempt.killed = killed;
      if (killed) {
        attempt.completed = false;
        attempt.status = PointStatus.TIMEOUT;
        attempt.message = ChildJvm.timeoutMessage(Duration.ofMillis(job.timeoutMillis()));
      } else if (!attempt.completed) {
        int code = process.exitValue();
        String last = LogTail.lastMeaningfulLine(log);
        attempt.killed = code > 128 || code == 9;
        if (code == 137 || code == 9) {
          attempt.status = PointStatus.OOM;
          attempt.message = "the measuring process was killed (SIGKILL), most likely by the system for running out "
              + "of memory";
        } else {
          attempt.message = "the measuring process exited with code " + code + " and no result"
              + (last.isEmpty() ? "" : ": " + last);
        }
      }
    } catch (ListenerFailure e) {
      // the sweep failed to take a result in (its files cannot be written, say): not the process's failure
      throw (RuntimeException) e.getCause();
    } catch (IOException | RuntimeException e) {
      attempt.seconds = (System.nanoTime() - start) / 1e9;
      if (!attempt.started) {
        attempt.status = PointStatus.NOT_RUN;
        attempt.message = "could not start the measuring process: " + e.getMessage();
      } else {
        attempt.message = "cannot run the measuring process: " + e.getMessage();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attempt.seconds = (System.nanoTime() - start) / 1e9;
      attempt.message = "interrupted";
    } finally {
      deleteQuietly(work);
    }
    return attempt;
  }

  /** Tells the listener, its failure kept apart from the measuring process's. */
  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw new ListenerFailure(e);
    }
  }

  /** A listener's failure on its way out of the process's event loop. */
  private static final class ListenerFailure extends RuntimeException {
    ListenerFailure(RuntimeException cause) {
      super(cause);
    }
  }

  /** Work folders are named after the launcher's process id, so that a later launcher can tell whose they are. */
  static final String WORK_PREFIX = "attnprof-fork-";

  /**
   * Deletes the work folders of launchers that are gone (killed before their {@code finally} ran):
   * {@code attnprof-fork-PID-...} whose process no longer runs.
   */
  static void removeStaleWorkFolders(Path temporary) {
    try (var entries = Files.newDirectoryStream(temporary, WORK_PREFIX + "*")) {
      for (Path folder : entries) {
        String[] parts = folder.getFileName().toString().substring(WORK_PREFIX.length()).split("-", 2);
        long pid;
        try {
          pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
          continue; // not one of ours
        }
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
          deleteQuietly(folder);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a temporary folder that cannot be listed: nothing to clean
    }
  }

  private static boolean isFirstOfCell(int index, Map<Integer, List<Point>> cellOf) {
    List<Point> cell = cellOf.get(index);
    return cell != null && cell.get(0).index() == index;
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

  private Map<String, String> environment(ForkJob job) {
    Map<String, String> environment = new HashMap<>();
    environment.put("TF_CPP_MIN_LOG_LEVEL", "1");
    List<Point> points = job.points();
    if (!points.isEmpty()) {
      try {
        String device = points.get(0).device();
        environment.putAll(registry.device(device).processEnvironment(device));
      } catch (RuntimeException e) {
        // an unknown device fails in the child with the registry's message
      }
    }
    return environment;
  }

  private Path logFile(String process) throws IOException {
    Files.createDirectories(logFolder);
    return logFolder.resolve(process.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
  }

  /** Deletes a folder and what it holds, leaving behind what cannot be deleted. */
  static void deleteQuietly(Path folder) {
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
