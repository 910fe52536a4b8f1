package attnprof.engine.internal.measure;

import attnprof.api.metric.AllocatorUse;
import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.AllocatorMemoryUsed;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** Reads TensorFlow's step stats into the SPI's trace records. */
final class StepTraces {
  private StepTraces() {
  }

  static StepTrace parse(RunMetadata metadata, long wallMicros) {
    List<NodeStats> nodes = new ArrayList<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        List<AllocatorUse> memory = new ArrayList<>();
        for (AllocatorMemoryUsed used : node.getMemoryList()) {
          List<AllocatorUse.Allocation> allocations = new ArrayList<>();
          used.getAllocationRecordsList().forEach(record -> allocations.add(
              new AllocatorUse.Allocation(record.getAllocMicros(), record.getAllocBytes())));
          memory.add(new AllocatorUse(used.getAllocatorName(), used.getTotalBytes(), used.getPeakBytes(),
              used.getAllocatorBytesInUse(), allocations));
        }
        nodes.add(new NodeStats(node.getNodeName(), device.getDevice(), node.getAllStartMicros(),
            node.getAllEndRelMicros(), memory, node.getThreadId()));
      }
    }
    return new StepTrace(nodes, wallMicros);
  }
}
