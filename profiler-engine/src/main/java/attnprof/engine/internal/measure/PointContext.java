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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.GraphOperation;

/**
 * The engine's measurement context for one loaded model: its timed steps (taken beforehand, in rounds
 * with the other models of its cell) and a traced step taken on first use.
 */
final class PointContext implements MeasurementContext {
  /**
   * Steps traced one op at a time: enough for a median that a stray pause in one of them does not move. Each
   * costs the sweeps time: the default speech sweep took 8.7 minutes with one, 9.9 with three, 10.8 with five.
   */
  static final int ONE_OP_AT_A_TIME_TRACES = 3;

  private final LoadedModel model;
  private final List<Duration> timed;
  private final int warmup;
  private StepTrace trace;
  private List<StepTrace> oneOpAtATime;
  private Set<GraphOperation> stepOperations;
  private OpAttribution attribution;

  PointContext(LoadedModel model, List<Duration> timed, int warmup) {
    this.model = model;
    this.timed = List.copyOf(timed);
    this.warmup = warmup;
  }

  @Override
  public MeasurementPoint point() {
    return model.point;
  }

  @Override
  public int runs() {
    return Math.max(1, timed.size());
  }

  @Override
  public int warmup() {
    return warmup;
  }

  @Override
  public List<Duration> timedSteps() {
    if (timed.isEmpty()) {
      throw new IllegalStateException("no step of " + model.job.label() + " was timed");
    }
    return timed;
  }

  @Override
  public StepTrace tracedStep() {
    if (trace == null) {
      trace = model.step.runTraced();
    }
    return trace;
  }

  /** {@value #ONE_OP_AT_A_TIME_TRACES} steps traced one op at a time, one after another. */
  @Override
  public List<StepTrace> tracedStepsOneOpAtATime() {
    if (oneOpAtATime == null) {
      List<StepTrace> traced = new java.util.ArrayList<>();
      for (int i = 0; i < ONE_OP_AT_A_TIME_TRACES; i++) {
        traced.add(model.step.runTracedOneOpAtATime());
      }
      oneOpAtATime = List.copyOf(traced);
    }
    return oneOpAtATime;
  }

  /** Of the steps traced one op at a time, the one of median wall time: the step a Chrome trace shows. */
  StepTrace typicalStepOneOpAtATime() {
    List<StepTrace> byWallTime = new java.util.ArrayList<>(tracedStepsOneOpAtATime());
    byWallTime.sort(java.util.Comparator.comparingLong(StepTrace::wallMicros));
    return byWallTime.get(byWallTime.size() / 2);
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
    return model.device;
  }

  @Override
  public org.tensorflow.Graph graph() {
    return model.graph;
  }

  @Override
  public Set<GraphOperation> stepOperations() {
    if (stepOperations == null) {
      stepOperations = java.util.Collections.unmodifiableSet(StepOperations.closureOf(model.step.roots()));
    }
    return stepOperations;
  }

  @Override
  public Optional<Stream> streaming() {
    return Optional.ofNullable(model.streaming);
  }

  @Override
  public Optional<Component> componentOf(String nodeName) {
    if (attribution == null) {
      attribution = OpAttribution.of(model.graph);
    }
    return attribution.componentOf(nodeName);
  }
}
