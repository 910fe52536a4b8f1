package attnprof.engine.internal.measure;

import attnprof.api.device.DeviceAdapter;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MeasurementPoint;
import attnprof.api.metric.StepTrace;
import attnprof.api.model.Component;
import attnprof.engine.internal.environment.HostFacts;
import attnprof.engine.internal.graph.OpAttribution;
import attnprof.engine.internal.graph.StepOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/** The engine's measurement context: runs the warm-up once, then shares timings and the trace. */
final class PointContext implements MeasurementContext {
  private final MeasurementPoint point;
  private final SessionStep step;
  private final DeviceAdapter device;
  private final Graph graph;
  private final int runs;
  private final int warmup;
  private boolean warmedUp;
  private List<Duration> timed;
  private StepTrace trace;
  private Set<GraphOperation> stepOperations;
  private OpAttribution attribution;

  PointContext(MeasurementPoint point, SessionStep step, DeviceAdapter device, Graph graph, int runs, int warmup) {
    this.point = point;
    this.step = step;
    this.device = device;
    this.graph = graph;
    this.runs = runs;
    this.warmup = warmup;
  }

  @Override
  public MeasurementPoint point() {
    return point;
  }

  @Override
  public int runs() {
    return runs;
  }

  @Override
  public int warmup() {
    return warmup;
  }

  @Override
  public List<Duration> timedSteps() {
    if (timed == null) {
      warmUp();
      List<Duration> durations = new ArrayList<>(runs);
      for (int i = 0; i < runs; i++) {
        durations.add(step.run());
      }
      timed = List.copyOf(durations);
    }
    return timed;
  }

  @Override
  public StepTrace tracedStep() {
    if (trace == null) {
      warmUp();
      trace = step.runTraced();
    }
    return trace;
  }

  /** The traced step if a metric asked for one; no step is traced for this alone. */
  Optional<StepTrace> tracedStepIfTaken() {
    return Optional.ofNullable(trace);
  }

  @Override
  public long residentHighWaterBytes() {
    return HostFacts.residentHighWaterBytes().orElse(-1);
  }

  @Override
  public DeviceAdapter device() {
    return device;
  }

  @Override
  public Graph graph() {
    return graph;
  }

  @Override
  public Set<GraphOperation> stepOperations() {
    if (stepOperations == null) {
      stepOperations = java.util.Collections.unmodifiableSet(StepOperations.closureOf(step.roots()));
    }
    return stepOperations;
  }

  @Override
  public Optional<Component> componentOf(String nodeName) {
    if (attribution == null) {
      attribution = OpAttribution.of(graph);
    }
    return attribution.componentOf(nodeName);
  }

  private void warmUp() {
    if (!warmedUp) {
      for (int i = 0; i < warmup; i++) {
        step.run();
      }
      warmedUp = true;
    }
  }
}
