package attnprof.engine.internal.measure;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.device.DeviceRequest;
import attnprof.api.input.InputBatch;
import attnprof.api.input.InputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.input.LoadedInput;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementPoint;
import attnprof.api.metric.Metric;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelInput;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.VariantDescriptor;
import attnprof.engine.PluginRegistry;
import attnprof.engine.PointResult;
import attnprof.engine.PointStatus;
import attnprof.engine.internal.output.ChromeTrace;
import attnprof.engine.internal.sweep.PointJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Measures one point in the current process: builds the model on the device, initialises it, makes
 * the inputs, and runs every metric that applies. Never throws: a failure becomes the point's status.
 */
public final class PointMeasurer {
  private final PluginRegistry registry;
  private final java.util.function.Consumer<String> log;

  /**
   * @param log where to say how long each phase of a point took (a child JVM's log); silent in-process
   */
  public PointMeasurer(PluginRegistry registry, java.util.function.Consumer<String> log) {
    this.registry = registry;
    this.log = log;
  }

  public PointResult measure(PointJob job) {
    long start = System.nanoTime();
    ModelVariant variant;
    ModelConfig config;
    String lengthUnit = "";
    try {
      variant = registry.variant(job.variantId());
      config = ModelConfig.resolve(variant.descriptor(), job.preset(), job.params());
      lengthUnit = registry.inputFor(variant.descriptor().modality()).descriptor().lengthUnit();
    } catch (RuntimeException e) {
      return Outcomes.failure(job, null, lengthUnit, e, seconds(start));
    }
    Measured measured = new Measured();
    try {
      run(job, variant, config, measured);
      return result(job, variant.descriptor(), config, lengthUnit, PointStatus.OK, measured, "", seconds(start));
    } catch (Throwable e) {
      PointStatus status = Outcomes.classify(e);
      return result(job, variant.descriptor(), config, lengthUnit, status, new Measured(measured.parameters,
          measured.notes), Outcomes.message(e), seconds(start));
    }
  }

  /** What a point's measurement got as far as. */
  private static final class Measured {
    long parameters;
    final List<String> notes = new ArrayList<>();
    final List<Measurement> measurements = new ArrayList<>();

    Measured() {
    }

    Measured(long parameters, List<String> notes) {
      this.parameters = parameters;
      this.notes.addAll(notes);
    }
  }

  private void run(PointJob job, ModelVariant variant, ModelConfig config, Measured measured) throws Exception {
    DeviceAdapter device = registry.device(job.deviceId());
    var availability = device.availability(job.deviceId());
    if (!availability.available()) {
      throw ProfilerException.device(availability.reason());
    }
    InputGenerator inputs = registry.inputFor(variant.descriptor().modality());
    Optional<LoadedInput> source = Optional.ofNullable(job.inputFile()).map(file -> inputs.read(Path.of(file)));
    List<Metric> metrics = new ArrayList<>();
    for (String id : job.metrics()) {
      metrics.add(registry.metric(id));
    }
    MeasurementPoint point = new MeasurementPoint(job.variantId(), config, job.length(), job.batch(), job.mode(),
        job.deviceId());

    Phases phases = new Phases(log);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(DevicePlacement.parse(device.tensorflowDevice(job.deviceId())));
      BuiltModel model = variant.build(tf, new BuildRequest(config, job.batch(), job.length(), job.mode(), job.seed()));
      measured.notes.addAll(model.notes());
      measured.parameters = GraphVariables.parameterCount(graph);
      Operand<?> fetch = job.mode() == Mode.TRAINING ? model.requireLoss() : model.output();
      phases.done("built the model");
      Op target = job.mode() == Mode.TRAINING ? TrainingStep.add(graph, tf, model.requireLoss()) : null;
      phases.done("built the training step");
      try (Session session = new Session(graph, device.sessionConfig(new DeviceRequest(job.deviceId(), job.threads())));
           InputBatch batch = inputs.generate(new InputRequest(
               model.inputs().stream().map(ModelInput::spec).toList(), source, job.seed()))) {
        session.initialize();
        phases.done("initialised the weights and made the inputs");
        SessionStep step = new SessionStep(session, model.inputs(), batch, fetch, target);
        PointContext context = new PointContext(point, step, device, graph, job.runs(), job.warmup());
        for (Metric metric : metrics) {
          if (metric.appliesTo(point)) {
            measured.measurements.addAll(metric.measure(context));
            phases.done("measured " + metric.descriptor().id());
          }
        }
        context.tracedStepIfTaken().flatMap(trace -> Placement.offDevice(trace,
            device.tensorflowDevice(job.deviceId()),
            name -> Optional.ofNullable(graph.operation(name)).map(org.tensorflow.GraphOperation::type)))
            .ifPresent(measured.notes::add);
        if (job.traceDirectory() != null) {
          writeTrace(job, context, measured);
          phases.done("wrote the Chrome trace");
        }
      }
    }
  }

  /** Writes the point's traced step; a trace that cannot be written is a note, not a lost point. */
  private static void writeTrace(PointJob job, PointContext context, Measured measured) {
    Path file = Path.of(job.traceDirectory(), job.fileName() + ".trace.json");
    try {
      ChromeTrace.write(file, context.tracedStep(), context::componentOf, job.label());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      measured.notes.add("Chrome trace not written to " + file + ": " + e.getMessage());
    }
  }

  /** Logs how long each phase of a point took, to the measuring process' log. */
  private static final class Phases {
    private final java.util.function.Consumer<String> log;
    private long last = System.nanoTime();

    Phases(java.util.function.Consumer<String> log) {
      this.log = log;
    }

    void done(String phase) {
      long now = System.nanoTime();
      log.accept(String.format(java.util.Locale.ROOT, "attnprof: %s in %.2f s", phase, (now - last) / 1e9));
      last = now;
    }
  }

  private static PointResult result(PointJob job, VariantDescriptor descriptor, ModelConfig config, String lengthUnit,
      PointStatus status, Measured measured, String message, double seconds) {
    return new PointResult(job.variantId(), descriptor.baseline(), descriptor.modality().id(), job.preset(),
        config.values(), job.length(), lengthUnit, job.batch(), job.mode(), job.deviceId(), status,
        measured.measurements, measured.parameters, measured.notes, message, seconds);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
