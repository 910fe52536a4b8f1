package attnprof.engine.internal.measure;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.device.DeviceRequest;
import attnprof.api.input.InputBatch;
import attnprof.api.input.InputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.input.LoadedInput;
import attnprof.api.metric.MeasurementPoint;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelInput;
import attnprof.api.model.ModelVariant;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.internal.point.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * One point's model, ready to step: built on its device, initialised, fed its inputs, and warmed up
 * (the first run is when TensorFlow optimises the graph; it is never timed). Owns its graph, session
 * and inputs until closed.
 */
final class LoadedModel implements AutoCloseable {
  final Point job;
  final MeasurementPoint point;
  final DeviceAdapter device;
  final Graph graph;
  final long parameters;
  final List<String> notes;
  private final Session session;
  private final InputBatch inputs;
  final SessionStep step;
  /** How long the last warm-up step took: the best guess of a step's time before any is timed. */
  Duration lastWarmUp = Duration.ZERO;
  /** How many untimed steps warmed it up. */
  int warmUpSteps;
  /** A streaming point's chunk and state; null in the other modes. */
  attnprof.api.metric.MeasurementContext.Stream streaming;

  private LoadedModel(Point job, MeasurementPoint point, DeviceAdapter device, Graph graph, long parameters,
      List<String> notes, Session session, InputBatch inputs, SessionStep step) {
    this.job = job;
    this.point = point;
    this.device = device;
    this.graph = graph;
    this.parameters = parameters;
    this.notes = notes;
    this.session = session;
    this.inputs = inputs;
    this.step = step;
  }

  /**
   * Builds, initialises and warms up a point's model.
   *
   * @param partial told the parameter count and notes as soon as they are known, so that a point
   *     that fails later still reports them
   * @throws Exception whatever building or running it throws; nothing is left open then
   */
  static LoadedModel load(PluginRegistry registry, Point job, int warmup, Phases phases, Partial partial)
      throws Exception {
    ModelVariant variant = registry.variant(job.variant());
    // the point's own resolved configuration: a measuring process never resolves it again
    ModelConfig config = new ModelConfig(job.preset(), job.config(), job.params().keySet());
    DeviceAdapter device = registry.device(job.device());
    var availability = device.availability(job.device());
    if (!availability.available()) {
      throw ProfilerException.device(availability.reason());
    }
    InputGenerator generator = registry.inputFor(variant.descriptor().modality());
    Optional<LoadedInput> source = Optional.ofNullable(job.inputFile()).map(file -> generator.read(Path.of(file)));
    MeasurementPoint point = new MeasurementPoint(job.variant(), config, job.length(), job.batch(), job.mode(),
        job.device());
    Graph graph = new Graph();
    Session session = null;
    InputBatch inputs = null;
    try {
      Ops tf = Ops.create(graph).withDevice(DevicePlacement.parse(device.tensorflowDevice(job.device())));
      BuiltModel model = variant.build(tf, new BuildRequest(config, job.batch(), job.length(), job.mode(), job.seed()));
      long parameters = GraphVariables.parameterCount(graph, model.streaming());
      if (job.mode() == Mode.STREAMING && model.streaming() == null) {
        throw new IllegalStateException(job.variant() + " built no stream state for the streaming mode");
      }
      List<String> notes = new ArrayList<>(model.notes());
      partial.known(parameters, notes);
      Operand<?> fetch = job.mode() == Mode.TRAINING ? model.requireLoss() : model.output();
      Op target = job.mode() == Mode.TRAINING ? TrainingStep.add(graph, tf, model.requireLoss()) : null;
      phases.done("built " + job.label());
      session = new Session(graph, withOneOpAtATimePool(withoutClassicConstantFolding(
          device.sessionConfig(new DeviceRequest(job.device(), job.threads())))));
      inputs = generator.generate(new InputRequest(model.inputs().stream().map(ModelInput::spec).toList(), source,
          job.seed()));
      session.initialize();
      phases.done("initialised the weights and made the inputs of " + job.label());
      SessionStep step = new SessionStep(session, model.inputs(), inputs, fetch, target);
      LoadedModel loaded = new LoadedModel(job, point, device, graph, parameters, notes, session, inputs, step);
      loaded.streaming = model.streaming() == null ? null : new attnprof.api.metric.MeasurementContext.Stream(
          model.streaming().chunkSeconds(), GraphVariables.stateBytes(model.streaming()));
      WarmUp.Outcome warmedUp = WarmUp.run(step::run, warmup);
      loaded.lastWarmUp = warmedUp.last();
      loaded.warmUpSteps = warmedUp.steps();
      notes.add(warmedUp.note());
      phases.done("warmed up " + job.label() + " (" + warmedUp.steps() + " steps, the last "
          + String.format(java.util.Locale.ROOT, "%.1f ms", loaded.lastWarmUp.toNanos() / 1e6) + ")");
      return loaded;
    } catch (Throwable e) {
      closeQuietly(inputs);
      closeQuietly(session);
      graph.close();
      throw e;
    }
  }

  /**
   * The device's session configuration with TensorFlow's classic graph optimiser at level 0. At its
   * default level it folds constants by evaluating them, and every weight's random initial value is a
   * constant expression: it was drawn twice, once to fold it and once to run it, which made
   * initialising a model take twice as long. Grappler, which optimises every step, still folds
   * constants (within its size limit); steps ran as fast either way (the same model side by side in
   * one process, both ways: within 2% at 512 tokens, inference and training).
   */
  static org.tensorflow.proto.ConfigProto withoutClassicConstantFolding(org.tensorflow.proto.ConfigProto config) {
    org.tensorflow.proto.ConfigProto.Builder builder = config.toBuilder();
    builder.getGraphOptionsBuilder().getOptimizerOptionsBuilder()
        .setOptLevel(org.tensorflow.proto.OptimizerOptions.Level.L0);
    return builder.build();
  }

  /** The index of the session's inter-op pool of one thread, for steps traced one op at a time. */
  static final int ONE_OP_AT_A_TIME_POOL = 1;

  /**
   * The configuration with two inter-op pools: the first as the device's configuration asks (its
   * inter-op thread count, or TensorFlow's default), which every step uses unless told otherwise, and a
   * second of one thread, on which a step runs its ops one at a time. Steps on the first run as fast as
   * without the second (BERT, Longformer and Nyströmformer at 768 tokens side by side: within 1.5%).
   */
  static org.tensorflow.proto.ConfigProto withOneOpAtATimePool(org.tensorflow.proto.ConfigProto config) {
    if (config.getSessionInterOpThreadPoolCount() > 0) {
      throw new IllegalArgumentException("a device's session configuration names its own inter-op pools; "
          + "attnprof adds them (set inter_op_parallelism_threads instead)");
    }
    return config.toBuilder()
        .addSessionInterOpThreadPool(org.tensorflow.proto.ThreadPoolOptionProto.newBuilder()
            .setNumThreads(config.getInterOpParallelismThreads()))
        .addSessionInterOpThreadPool(org.tensorflow.proto.ThreadPoolOptionProto.newBuilder().setNumThreads(1))
        .build();
  }

  /** Hears what a model under construction is, before it can fail. */
  interface Partial {
    void known(long parameters, List<String> notes);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // the failure that got us here matters more
    }
  }

  @Override
  public void close() {
    closeQuietly(inputs);
    closeQuietly(session);
    graph.close();
  }
}
