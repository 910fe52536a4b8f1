package attnprof.testkit;

import attnprof.api.Mode;
import attnprof.api.input.InputBatch;
import attnprof.api.input.InputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelInput;
import attnprof.api.model.ModelVariant;
import attnprof.api.nn.Net;
import attnprof.api.nn.Sequence;
import attnprof.api.nn.TokenMixer;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Runs a variant in this process, on the CPU, as the engine builds it for a sweep: its forward pass, its
 * training steps (the engine's own training step), its FLOPs by component (the engine's own counter), or one
 * token mixer, on small inputs, with the outputs as plain Java arrays. For embedders who check a model, and
 * for plugin tests that compare a variant against a reference computed another way (the testkit's
 * conformance suite builds on it).
 */
public final class ModelEvaluator {
  private ModelEvaluator() {
  }

  /**
   * The flattened forward output of a variant for synthetic inputs of the given generator.
   *
   * @param seed the seed of both the weights and the inputs: equal seeds give equal weights to
   *     weights of equal paths in two variants
   */
  public static float[] forward(ModelVariant variant, ModelConfig config, int batch, double length, long seed,
      InputGenerator inputs) {
    try (Graph graph = new Graph()) {
      BuiltModel model = variant.build(Ops.create(graph), new BuildRequest(config, batch, length, Mode.INFERENCE, seed));
      try (Session session = new Session(graph);
           InputBatch batchOfInputs = synthetic(inputs, model, seed)) {
        session.initialize();
        try (Result result = fed(session, model, batchOfInputs).fetch(model.output()).run()) {
          return flatten((TFloat32) result.get(0));
        }
      }
    }
  }

  /**
   * A streaming variant fed the same synthetic chunk {@code chunks} times in the {@code streaming} mode, from
   * its steady state: the output of each chunk (they differ when the state moves on), and the parameter count
   * without the stream's state.
   *
   * @param leftContext the point's length: the left context
   */
  public static Streamed streamed(ModelVariant variant, ModelConfig config, double leftContext, long seed,
      InputGenerator inputs, int chunks) {
    try (Graph graph = new Graph()) {
      BuiltModel model = variant.build(Ops.create(graph), new BuildRequest(config, 1, leftContext, Mode.STREAMING,
          seed));
      if (model.streaming() == null) {
        throw new IllegalStateException(variant.descriptor().id() + " built no StreamingStep for the streaming mode");
      }
      long parameters = attnprof.engine.internal.measure.GraphVariables.parameterCount(graph, model.streaming());
      long stateBytes = attnprof.engine.internal.measure.GraphVariables.stateBytes(model.streaming());
      try (Session session = new Session(graph);
           InputBatch batchOfInputs = synthetic(inputs, model, seed)) {
        session.initialize();
        java.util.List<float[]> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < chunks; i++) {
          try (Result result = fed(session, model, batchOfInputs).fetch(model.output()).run()) {
            outputs.add(flatten((TFloat32) result.get(0)));
          }
        }
        return new Streamed(outputs, parameters, stateBytes);
      }
    }
  }

  /**
   * What {@link #streamed} found.
   *
   * @param outputs each chunk's flattened output, in order
   * @param parameters the weights' scalars, the state's left out
   * @param stateBytes the bytes of the state
   */
  public record Streamed(java.util.List<float[]> outputs, long parameters, long stateBytes) {
  }

  /** The weights' scalars of a variant built for one mode (a streaming model's state left out). */
  public static long parameters(ModelVariant variant, ModelConfig config, double length, Mode mode) {
    try (Graph graph = new Graph()) {
      BuiltModel model = variant.build(Ops.create(graph), new BuildRequest(config, 1, length, mode, 1));
      return attnprof.engine.internal.measure.GraphVariables.parameterCount(graph, model.streaming());
    }
  }

  /**
   * Trains a variant for {@code steps} steps on one batch of synthetic inputs, with the training step
   * a sweep measures (gradients of the loss, Adam), and returns the loss before each step: it fails
   * where building or running the gradients fails, and a falling loss shows that they point downhill.
   */
  public static float[] trainingLosses(ModelVariant variant, ModelConfig config, int batch, double length, long seed,
      InputGenerator inputs, int steps) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      BuiltModel model = variant.build(tf, new BuildRequest(config, batch, length, Mode.TRAINING, seed));
      org.tensorflow.op.Op step = attnprof.engine.internal.measure.TrainingStep.add(graph, tf, model.requireLoss());
      try (Session session = new Session(graph);
           InputBatch batchOfInputs = synthetic(inputs, model, seed)) {
        session.initialize();
        float[] losses = new float[steps];
        for (int i = 0; i < steps; i++) {
          try (Result result = fed(session, model, batchOfInputs).fetch(model.requireLoss()).addTarget(step).run()) {
            losses[i] = ((TFloat32) result.get(0)).getFloat();
          }
        }
        return losses;
      }
    }
  }

  /**
   * The FLOPs a sweep reports for one step of a variant (a forward pass, or a training step with its
   * gradients and Adam updates), per component: counted from the built graph, nothing runs.
   */
  public static java.util.Map<attnprof.api.model.Component, Long> flops(ModelVariant variant, ModelConfig config,
      int batch, double length, Mode mode) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      BuiltModel model = variant.build(tf, new BuildRequest(config, batch, length, mode, 1));
      java.util.Set<org.tensorflow.GraphOperation> roots = new java.util.HashSet<>();
      if (mode == Mode.TRAINING) {
        roots.add((org.tensorflow.GraphOperation) attnprof.engine.internal.measure.TrainingStep.add(graph, tf,
            model.requireLoss()).op());
        roots.add((org.tensorflow.GraphOperation) model.requireLoss().op());
      } else {
        roots.add((org.tensorflow.GraphOperation) model.output().op());
      }
      var attribution = attnprof.engine.internal.graph.OpAttribution.of(graph);
      var count = attnprof.engine.internal.graph.FlopCounter.count(
          attnprof.engine.internal.graph.StepOperations.closureOf(roots), attribution::componentOf);
      if (!count.uncounted().isEmpty()) {
        throw new IllegalStateException("ops the FLOP counter could not count: " + count.uncounted());
      }
      return count.byComponent();
    }
  }

  /**
   * The ops of a forward pass that compute (count FLOPs) outside every component scope, each as
   * {@code name (type)}: empty when the variant scopes all its work, as a breakdown needs.
   */
  public static java.util.List<String> computingOutsideComponents(ModelVariant variant, ModelConfig config, int batch,
      double length) {
    try (Graph graph = new Graph()) {
      BuiltModel model = variant.build(Ops.create(graph), new BuildRequest(config, batch, length, Mode.INFERENCE, 1));
      var attribution = attnprof.engine.internal.graph.OpAttribution.of(graph);
      return attnprof.engine.internal.graph.FlopCounter.computingOutsideComponents(
          attnprof.engine.internal.graph.StepOperations.closureOf(
              java.util.Set.of((org.tensorflow.GraphOperation) model.output().op())), attribution::componentOf);
    }
  }

  /**
   * The elements of the largest tensor an op of a variant's forward pass outputs, from the graph's static shapes,
   * constants and variables left out: what bounds the memory of the activations.
   */
  public static long largestActivation(ModelVariant variant, ModelConfig config, int batch, double length) {
    try (Graph graph = new Graph()) {
      BuiltModel model = variant.build(Ops.create(graph), new BuildRequest(config, batch, length, Mode.INFERENCE, 1));
      long largest = 0;
      for (org.tensorflow.GraphOperation op : attnprof.engine.internal.graph.StepOperations.closureOf(
          java.util.Set.of((org.tensorflow.GraphOperation) model.output().op()))) {
        if (op.type().equals("Const") || op.type().startsWith("Variable")) {
          continue;
        }
        for (int i = 0; i < op.numOutputs(); i++) {
          org.tensorflow.ndarray.Shape shape = op.output(i).shape();
          if (!shape.isUnknown() && !shape.hasUnknownDimension()) {
            largest = Math.max(largest, shape.size());
          }
        }
      }
      return largest;
    }
  }

  /**
   * How many numbers the float variables (the parameters) of a built variant hold once initialised, read
   * from the running session (not from the graph's static shapes, as {@code describe} counts them).
   */
  public static long variableElements(ModelVariant variant, ModelConfig config, int batch, double length) {
    try (Graph graph = new Graph()) {
      variant.build(Ops.create(graph), new BuildRequest(config, batch, length, Mode.INFERENCE, 1));
      java.util.List<String> variables = new java.util.ArrayList<>();
      graph.operations().forEachRemaining(op -> {
        if (op.type().equals("VariableV2") || op.type().equals("Variable")) {
          variables.add(op.name());
        }
      });
      try (Session session = new Session(graph)) {
        session.initialize();
        long total = 0;
        for (String name : variables) {
          try (Result result = session.runner().fetch(name).run()) {
            // the parameters are the float variables; integer ones are tables, such as position indices
            if (result.get(0) instanceof TFloat32) {
              total += result.get(0).shape().size();
            }
          }
        }
        return total;
      }
    }
  }

  private static InputBatch synthetic(InputGenerator inputs, BuiltModel model, long seed) {
    return inputs.generate(new InputRequest(model.inputs().stream().map(ModelInput::spec).toList(), Optional.empty(),
        seed));
  }

  /** A runner of the session with every input of the model fed from the batch. */
  private static Session.Runner fed(Session session, BuiltModel model, InputBatch batch) {
    Session.Runner runner = session.runner();
    for (ModelInput input : model.inputs()) {
      runner.feed(input.placeholder(), batch.get(input.spec().name()));
    }
    return runner;
  }

  /**
   * Runs one token mixer on {@code x} ({@code [batch][tokens][width]}, every token real) with weights
   * made from {@code seed}, and returns its output in the same shape.
   */
  public static float[][][] mix(TokenMixer mixer, float[][][] x, long seed) {
    return mixWithWeights(mixer, x, seed).output();
  }

  /**
   * The output of a token mixer on {@code x} and the values of every weight it made, by the weight
   * variable's full name ({@code mixer/query_kernel}), flattened in row-major order: enough to
   * compute the same function another way.
   *
   * @param output the mixer's output, {@code [batch][tokens][width]}
   * @param weights each weight's values
   * @param shapes each weight's shape
   */
  public record MixerRun(float[][][] output, java.util.Map<String, float[]> weights,
      java.util.Map<String, long[]> shapes) {

    /** A weight's values; fails naming the weights there are when it is missing. */
    public float[] weight(String name) {
      float[] values = weights.get(name);
      if (values == null) {
        throw new IllegalArgumentException("no weight " + name + "; there are " + weights.keySet());
      }
      return values;
    }
  }

  /** Runs a token mixer like {@link #mix} and also returns its weights' values. */
  public static MixerRun mixWithWeights(TokenMixer mixer, float[][][] x, long seed) {
    return mixWithWeights(mixer, x, x[0].length, seed);
  }

  /**
   * Runs one token mixer on {@code x} whose tokens from {@code valid} on are padding, as a body that pads
   * its input hands them over: a mixer must give the real tokens outputs that do not depend on the padding.
   */
  public static float[][][] mixPadded(TokenMixer mixer, float[][][] x, int valid, long seed) {
    return mixWithWeights(mixer, x, valid, seed).output();
  }

  private static MixerRun mixWithWeights(TokenMixer mixer, float[][][] x, int valid, long seed) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> output = mixer.mix(Net.root(tf, seed).scope("mixer"), new Sequence(tf.constant(x), valid));
      java.util.List<org.tensorflow.GraphOperation> variables = new java.util.ArrayList<>();
      graph.operations().forEachRemaining(op -> {
        if (op.type().equals("VariableV2")) {
          variables.add(op);
        }
      });
      try (Session session = new Session(graph)) {
        session.initialize();
        Session.Runner runner = session.runner().fetch(output);
        variables.forEach(v -> runner.fetch(v.output(0)));
        try (Result result = runner.run()) {
          TFloat32 tensor = (TFloat32) result.get(0);
          float[][][] values = new float[x.length][x[0].length][(int) tensor.shape().get(2)];
          for (int b = 0; b < values.length; b++) {
            for (int i = 0; i < values[b].length; i++) {
              for (int d = 0; d < values[b][i].length; d++) {
                values[b][i][d] = tensor.getFloat(b, i, d);
              }
            }
          }
          java.util.Map<String, float[]> weights = new java.util.LinkedHashMap<>();
          java.util.Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
          for (int i = 0; i < variables.size(); i++) {
            TFloat32 weight = (TFloat32) result.get(i + 1);
            weights.put(variables.get(i).name(), flatten(weight));
            shapes.put(variables.get(i).name(), weight.shape().asArray());
          }
          return new MixerRun(values, weights, shapes);
        }
      }
    }
  }

  /**
   * The FLOPs the engine's counter gives the ops a graph expression with no inputs needs, all of
   * them, as a sweep would count them; fails naming any op it could not count.
   */
  public static long flopsOf(java.util.function.Function<Ops, Operand<TFloat32>> expression) {
    try (Graph graph = new Graph()) {
      Operand<TFloat32> output = expression.apply(Ops.create(graph));
      var count = attnprof.engine.internal.graph.FlopCounter.count(
          attnprof.engine.internal.graph.StepOperations.closureOf(
              java.util.Set.of((org.tensorflow.GraphOperation) output.op())),
          name -> Optional.empty());
      if (!count.uncounted().isEmpty()) {
        throw new IllegalStateException("ops the FLOP counter could not count: " + count.uncounted());
      }
      return count.byComponent().values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Evaluates a graph expression with no inputs and returns its values flattened. */
  public static float[] evaluate(java.util.function.Function<Ops, Operand<TFloat32>> expression) {
    try (Graph graph = new Graph()) {
      Operand<TFloat32> output = expression.apply(Ops.create(graph));
      try (Session session = new Session(graph)) {
        session.initialize();
        try (Result result = session.runner().fetch(output).run()) {
          return flatten((TFloat32) result.get(0));
        }
      }
    }
  }

  private static float[] flatten(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(values, false, false));
    return values;
  }
}
