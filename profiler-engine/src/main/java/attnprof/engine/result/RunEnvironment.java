package attnprof.engine.result;

import java.util.Map;

/**
 * Where and with what a sweep ran, recorded with every result.
 *
 * @param cpuModel the host CPU's model name
 * @param cpuCores the cores the JVM sees
 * @param memoryBytes physical memory, 0 when unknown
 * @param os operating system name, version and architecture
 * @param jdk the Java runtime's vendor and version
 * @param tensorflow TensorFlow's native version
 * @param attnprof attnprof's version
 * @param device the device id measured on
 * @param deviceFacts what the device adapter says of the hardware
 */
public record RunEnvironment(String cpuModel, int cpuCores, long memoryBytes, String os, String jdk, String tensorflow,
    String attnprof, String device, Map<String, String> deviceFacts) {
  public RunEnvironment {
    deviceFacts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deviceFacts));
  }
}
