package attnprof.engine.internal.measure;

import attnprof.api.device.DeviceAdapter;
import attnprof.api.device.DeviceRequest;
import java.util.OptionalLong;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * Reads how many bytes a device's TensorFlow allocator holds right now: a traced step of a one-op
 * graph on the device, whose one small allocation records the allocator's bytes in use (the step's
 * own few bytes are the same for every reading, so differences between readings are exact). Lets a
 * process that keeps several models loaded tell how much each holds.
 */
final class AllocatorProbe implements AutoCloseable {
  private static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();

  private final DeviceAdapter device;
  private final String deviceId;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> output;
  private final TFloat32 value = TFloat32.vectorOf(1f, 2f, 3f, 4f);

  /** @param threads the op threads of the process' models: the first session of a process sets them for all */
  AllocatorProbe(DeviceAdapter device, String deviceId, int threads) {
    this.device = device;
    this.deviceId = deviceId;
    Ops tf = Ops.create(graph).withDevice(DevicePlacement.parse(device.tensorflowDevice(deviceId)));
    input = tf.placeholder(TFloat32.class);
    // an op that must allocate its output: its input is held by the caller, so it cannot be reused
    output = tf.math.add(input, input);
    session = new Session(graph, device.sessionConfig(new DeviceRequest(deviceId, threads)));
  }

  /** The allocator's bytes in use now, or empty when the device's allocator does not report them. */
  OptionalLong bytesInUse() {
    try (Result result = session.runner().feed(input, value).fetch(output).setOptions(FULL_TRACE)
        .runAndFetchMetadata()) {
      RunMetadata metadata = result.getMetadata().orElse(null);
      if (metadata == null) {
        return OptionalLong.empty();
      }
      return device.peakMemoryBytes(StepTraces.parse(metadata, 0), deviceId);
    }
  }

  @Override
  public void close() {
    value.close();
    session.close();
    graph.close();
  }
}
