package attnprof.api.metric;

import attnprof.api.model.Component;
import java.util.List;

/**
 * The execution of one op in a traced step.
 *
 * @param name the node's full name, with its name scope
 * @param device the device it ran on, as TensorFlow names it
 * @param startMicros start time in microseconds since the epoch
 * @param durationMicros wall time from start to the end of its last output
 * @param memory what it did to each allocator
 * @param threadId the thread it ran on, as TensorFlow numbers them
 *
 * @since API 1
 */
public record NodeStats(String name, String device, long startMicros, long durationMicros, List<AllocatorUse> memory,
    long threadId) {
  public NodeStats {
    memory = List.copyOf(memory);
  }

  /** The component this node's name scope assigns it to. */
  public Component component() {
    return Component.ofNodeName(name);
  }
}
