package attnprof.api.metric;

import attnprof.api.device.DeviceAdapter;
import java.time.Duration;
import attnprof.api.model.Component;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/**
 * What a {@link Metric} measures with: the point, its settings, and the built and initialised
 * step, ready to run. Provided by the engine, one per point; used from one thread.
 *
 * <p>A step is one {@code Session.run} of the point's mode (a forward pass, or a training step),
 * with the inputs already built and fed, timed end to end. Expensive results are computed once
 * and shared by every metric of the point.
 *
 * @since API 1
 */
public interface MeasurementContext {

  /** The point being measured. */
  MeasurementPoint point();

  /** The timed repetitions asked for (at least 1). */
  int runs();

  /** The untimed warm-up runs asked for, run before the first timed run. */
  int warmup();

  /**
   * The wall times of {@link #runs()} steps, after {@link #warmup()} untimed ones. Computed on the
   * first call and returned again, unchanged, on later calls.
   */
  List<Duration> timedSteps();

  /**
   * One step run with full tracing (after the warm-up), with every op's time and memory. Computed on
   * the first call and returned again on later calls.
   */
  StepTrace tracedStep();

  /**
   * Steps traced as {@link #tracedStep()}, but with the graph's ops run one at a time (each op still uses
   * the intra-op threads), a few of them one after another: where ops run side by side on a few cores, a
   * traced step's ops slow each other far more than untraced ones do (a traced Longformer step took 1.5 to
   * 2 times its untraced latency here, BERT's 1.1), so their durations say little about what each costs.
   * One at a time, op durations add up to close to the untraced step run the same way; the steps differ
   * from each other by a stray pause here and there, so a reading should take the median over them. For
   * where the time goes; {@link #tracedStep()} stays the step as it runs, for memory. Computed on the first
   * call and returned again on later calls; never empty.
   *
   * @since API 5
   */
  default List<StepTrace> tracedStepsOneOpAtATime() {
    return List.of(tracedStep());
  }

  /** The resident-memory high-water mark of the measuring process so far, in bytes; -1 if unknown. */
  long residentHighWaterBytes();


  /** The device the step runs on. */
  DeviceAdapter device();

  /** The graph of the step, read-only: for metrics that inspect the ops (FLOPs, say). */
  Graph graph();

  /**
   * The ops one step runs: everything the fetched output (and, in training, the weight updates)
   * depends on, without the initialisers. Computed once.
   */
  Set<GraphOperation> stepOperations();

  /**
   * The component an op of the step counts for, by its node name as the graph or a traced step names
   * it. An op in a component's name scope counts for that component. The ops TensorFlow adds to train
   * (gradients, named {@code Gradients/...}, and the optimizer's updates) carry no scope of their own:
   * each counts for the component of the forward ops and weights it reads, or else of the gradients
   * it reads. Empty for an op with no component at all, which reports count as {@link Component#OTHER}.
   */
  Optional<Component> componentOf(String nodeName);

  /**
   * For a point of the {@code streaming} mode, the model's stream state and chunk duration, with the
   * state's size in bytes; empty in the other modes.
   *
   * @since API 3
   */
  default Optional<Stream> streaming() {
    return Optional.empty();
  }

  /**
   * A streaming point's chunk and state.
   *
   * @param chunkSeconds the duration of one chunk
   * @param stateBytes the bytes of the state the step carries from chunk to chunk
   *
   * @since API 3
   */
  record Stream(double chunkSeconds, long stateBytes) {
  }
}
