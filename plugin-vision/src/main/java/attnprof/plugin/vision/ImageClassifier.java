package attnprof.plugin.vision;

import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.input.InputSpec;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.Component;
import attnprof.api.model.ModelInput;
import attnprof.api.nn.Layers;
import attnprof.api.nn.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * What every vision variant shares around its backbone: the image placeholder
 * {@code [batch, side, side, 3]}, and the classification head (scope {@code other}, weights
 * {@code head_kernel}, {@code head_bias}) whose logits are the model's output, with a softmax
 * cross-entropy loss for training.
 */
final class ImageClassifier {
  private ImageClassifier() {
  }

  /** The image input of a request, refusing sides too small for the model. */
  static Placeholder<TFloat32> image(Ops tf, BuildRequest request, int minimumSide) {
    int side = request.wholeLength();
    if (side < minimumSide) {
      throw ProfilerException.user(side + "-pixel images are too small for this model: it needs at least "
          + minimumSide + " pixels a side");
    }
    return tf.withName(ImageInputs.IMAGE).placeholder(TFloat32.class, Placeholder.shape(shape(request)));
  }

  /** The model: logits of {@code features} ({@code [batch, width]}), and a loss when training. */
  static BuiltModel classify(Net root, BuildRequest request, Placeholder<TFloat32> image, Operand<TFloat32> features,
      int classes, List<String> notes) {
    Net head = root.in(Component.OTHER).part("head");
    Operand<TFloat32> logits = Layers.dense(head, features, classes);
    Operand<TFloat32> loss = request.mode() == Mode.TRAINING ? loss(head.tf(), logits, classes) : null;
    InputSpec spec = new InputSpec(ImageInputs.IMAGE, TFloat32.class, shape(request), 0);
    return new BuiltModel(List.of(new ModelInput(spec, image)), logits, loss, notes);
  }

  private static Shape shape(BuildRequest request) {
    return Shape.of(request.batch(), request.wholeLength(), request.wholeLength(), 3);
  }

  /** The mean cross-entropy of the logits against fixed labels (image {@code i} is class {@code i mod classes}). */
  private static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> logits, int classes) {
    int batch = (int) Layers.dims(logits)[0];
    float[][] labels = new float[batch][classes];
    for (int i = 0; i < batch; i++) {
      labels[i][i % classes] = 1f;
    }
    Operand<TFloat32> perImage = tf.nn.softmaxCrossEntropyWithLogits(logits, tf.constant(labels)).loss();
    return tf.math.mean(perImage, tf.constant(0));
  }
}
