package attnprof.engine.internal.measure;

import attnprof.api.input.InputBatch;
import attnprof.api.metric.StepTrace;
import attnprof.api.model.ModelInput;
import java.time.Duration;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * One measured step, ready to run: a session, the fed inputs, the fetched output and an optional
 * training target. A run is {@code Session.run} end to end, fetched tensors copied out and closed.
 */
final class SessionStep {
  private static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();

  private final Session session;
  private final List<ModelInput> inputs;
  private final InputBatch batch;
  private final Operand<?> fetch;
  private final Op target;

  /**
   * @param target the training update to run with the fetch, or null for inference
   */
  SessionStep(Session session, List<ModelInput> inputs, InputBatch batch, Operand<?> fetch, Op target) {
    this.session = session;
    this.inputs = inputs;
    this.batch = batch;
    this.fetch = fetch;
    this.target = target;
  }

  /** The ops a step asks for: the fetched output's op, and the training target if there is one. */
  java.util.Set<org.tensorflow.GraphOperation> roots() {
    java.util.Set<org.tensorflow.GraphOperation> roots = new java.util.LinkedHashSet<>();
    roots.add((org.tensorflow.GraphOperation) fetch.op());
    if (target != null) {
      roots.add((org.tensorflow.GraphOperation) target.op());
    }
    return roots;
  }

  /** Runs one step and returns its wall time. */
  Duration run() {
    Session.Runner runner = prepare();
    long start = System.nanoTime();
    try (Result result = runner.run()) {
      // the step is done when its output is in the caller's hands
      result.get(0);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Runs one step with full tracing. */
  StepTrace runTraced() {
    return runTraced(FULL_TRACE);
  }

  /**
   * Runs one step with full tracing on the session's second inter-op pool, of one thread (see {@link
   * LoadedModel#withOneOpAtATimePool}), so that the graph's ops run one at a time.
   */
  StepTrace runTracedOneOpAtATime() {
    return runTraced(FULL_TRACE.toBuilder().setInterOpThreadPool(LoadedModel.ONE_OP_AT_A_TIME_POOL).build());
  }

  private StepTrace runTraced(RunOptions options) {
    Session.Runner runner = prepare().setOptions(options);
    long start = System.nanoTime();
    try (Result result = runner.runAndFetchMetadata()) {
      long wallMicros = (System.nanoTime() - start) / 1000;
      RunMetadata metadata = result.getMetadata().orElseThrow(
          () -> new IllegalStateException("TensorFlow returned no run metadata for a traced step"));
      return StepTraces.parse(metadata, wallMicros);
    }
  }

  private Session.Runner prepare() {
    Session.Runner runner = session.runner();
    for (ModelInput input : inputs) {
      runner.feed(input.placeholder(), batch.get(input.spec().name()));
    }
    runner.fetch(fetch);
    if (target != null) {
      runner.addTarget(target);
    }
    return runner;
  }
}
