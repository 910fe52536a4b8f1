package attnprof.engine.internal.environment;

import attnprof.api.device.DeviceAdapter;
import attnprof.engine.result.RunEnvironment;
import java.util.Map;
import org.tensorflow.TensorFlow;

/** Reads the facts of the machine and software a sweep runs with. */
public final class EnvironmentProbe {

  /**
   * The facts of this machine for a sweep on {@code deviceId}; on the CPU, with the roofs measured when
   * {@code withRoofs} (a sweep that traces no breakdown has nothing to place under them, and saves the probe).
   */
  public RunEnvironment probe(DeviceAdapter device, String deviceId, boolean withRoofs) {
    Map<String, String> facts;
    try {
      facts = device.describe(deviceId);
    } catch (RuntimeException e) {
      facts = Map.of("error", String.valueOf(e.getMessage()));
    }
    if (withRoofs && deviceId.equals("cpu")) {
      facts = new java.util.LinkedHashMap<>(facts);
      facts.putAll(MachinePeaks.measureInChild());
    }
    return new RunEnvironment(HostFacts.cpuModel(), Runtime.getRuntime().availableProcessors(),
        HostFacts.totalMemoryBytes().orElse(0), System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + Runtime.version(), tensorflowVersion(), attnprofVersion(),
        deviceId, facts);
  }

  /** TensorFlow's native version; loads the native library on first use. */
  public static String tensorflowVersion() {
    try {
      return TensorFlow.version();
    } catch (RuntimeException | LinkageError e) {
      return "unavailable (" + e.getMessage() + ")";
    }
  }

  /** The engine module's version, from its descriptor. */
  public static String attnprofVersion() {
    return EnvironmentProbe.class.getModule().getDescriptor() == null ? "development"
        : EnvironmentProbe.class.getModule().getDescriptor().rawVersion().orElse("development");
  }
}
