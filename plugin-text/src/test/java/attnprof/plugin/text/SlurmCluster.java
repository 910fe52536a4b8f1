package attnprof.plugin.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Slurm cluster on this machine, for integration tests: Debian's {@code slurm-wlm} and
 * {@code munge} (installed with {@code apt-get} when missing and the tests run as root), a configuration of
 * its own in a temporary folder (named by {@code SLURM_CONF}, so the system's is not touched), started by
 * {@link #start} and stopped by {@link #close}. Where it cannot start, {@link #start} says why.
 */
final class SlurmCluster implements AutoCloseable {
  private final Path folder;
  private final boolean startedMunge;

  private SlurmCluster(Path folder, boolean startedMunge) {
    this.folder = folder;
    this.startedMunge = startedMunge;
  }

  /** What starting gave: a cluster, or why there is none. */
  record Start(Optional<SlurmCluster> cluster, String whyNot) {
  }

  static Start start() throws IOException, InterruptedException {
    if (!installed()) {
      if (!System.getProperty("user.name").equals("root")) {
        return new Start(Optional.empty(), "Slurm is not installed and the tests do not run as root to install it");
      }
      String install = install();
      if (!installed()) {
        return new Start(Optional.empty(), "Slurm could not be installed: " + install);
      }
    }
    boolean startedMunge = false;
    if (!mungeWorks()) {
      run(List.of("mkdir", "-p", "/run/munge"));
      run(List.of("chown", "munge:munge", "/run/munge"));
      run(List.of("chown", "-R", "munge:munge", "/var/log/munge", "/var/lib/munge", "/etc/munge"));
      daemon(List.of("runuser", "-u", "munge", "--", "munged"), Map.of());
      startedMunge = true;
      if (!mungeWorks()) {
        return new Start(Optional.empty(), "munged did not start: `munge -n | unmunge` fails");
      }
    }
    Path folder = Files.createTempDirectory("attnprof-slurm");
    for (String sub : List.of("state", "spool", "log")) {
      Files.createDirectories(folder.resolve(sub));
    }
    String host = output(List.of("hostname", "-s")).strip();
    int cpus = Runtime.getRuntime().availableProcessors();
    Files.writeString(folder.resolve("slurm.conf"), String.join("\n",
        "ClusterName=attnprof-test",
        "SlurmctldHost=" + host,
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        // no cgroups in this VM
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_CPU",
        "StateSaveLocation=" + folder.resolve("state"),
        "SlurmdSpoolDir=" + folder.resolve("spool"),
        "SlurmctldPidFile=" + folder.resolve("slurmctld.pid"),
        "SlurmdPidFile=" + folder.resolve("slurmd.pid"),
        "SlurmctldLogFile=" + folder.resolve("log/slurmctld.log"),
        "SlurmdLogFile=" + folder.resolve("log/slurmd.log"),
        "SlurmctldPort=16817",
        "SlurmdPort=16818",
        "ReturnToService=2",
        "MpiDefault=none",
        "JobAcctGatherType=jobacct_gather/none",
        "NodeName=" + host + " CPUs=" + cpus + " RealMemory=4000 State=UNKNOWN",
        "PartitionName=test Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP",
        ""));
    SlurmCluster cluster = new SlurmCluster(folder, startedMunge);
    daemon(List.of("slurmctld"), cluster.environment());
    daemon(List.of("slurmd"), cluster.environment());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (cluster.slurmOutput("sinfo", "-h", "-o", "%t").strip().equals("idle")) {
        return new Start(Optional.of(cluster), "");
      }
      Thread.sleep(500);
    }
    String log = Files.readString(folder.resolve("log/slurmctld.log"));
    cluster.close();
    return new Start(Optional.empty(), "the Slurm node did not become idle within 60 s; slurmctld says: "
        + log.substring(Math.max(0, log.length() - 500)));
  }

  /** The variables a command needs to reach this cluster. */
  Map<String, String> environment() {
    return Map.of("SLURM_CONF", folder.resolve("slurm.conf").toString());
  }

  /** Waits until no job is queued or running. */
  void awaitEmptyQueue(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (slurmOutput("squeue", "-h").isBlank()) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Slurm jobs still queued after " + timeout + ":\n" + slurmOutput("squeue"));
  }

  /** Starts a daemon: its output goes nowhere, so that no pipe of ours stays open in it. */
  private static void daemon(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(environment);
    builder.start().waitFor(60, TimeUnit.SECONDS);
  }

  private String slurmOutput(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    List<ProcessHandle> daemons = new ArrayList<>();
    for (Path pidFile : List.of(folder.resolve("slurmd.pid"), folder.resolve("slurmctld.pid"),
        Path.of("/run/munge/munged.pid"))) {
      if ((startedMunge || !pidFile.startsWith("/run")) && Files.isRegularFile(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(daemons::add);
      }
    }
    slurmOutput("scontrol", "shutdown");
    // the daemons write their state as they stop: the folder goes once they are gone
    for (ProcessHandle daemon : daemons) {
      daemon.destroy();
      try {
        daemon.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        daemon.destroyForcibly();
      }
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static boolean installed() {
    return List.of("/usr/bin/sbatch", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged").stream()
        .allMatch(path -> Files.isExecutable(Path.of(path)));
  }

  private static String install() throws IOException, InterruptedException {
    List<String> install = List.of("apt-get", "install", "-y", "-q", "slurm-wlm", "munge");
    String first = output(install);
    if (installed()) {
      return first;
    }
    output(List.of("apt-get", "update", "-q"));
    return output(install);
  }

  private static boolean mungeWorks() throws IOException, InterruptedException {
    return output(List.of("bash", "-c", "munge -n | unmunge")).contains("Success");
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    output(command);
  }

  private static String output(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    return output;
  }
}
