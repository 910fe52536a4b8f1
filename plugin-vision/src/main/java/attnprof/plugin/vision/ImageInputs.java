package attnprof.plugin.vision;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import attnprof.api.input.InputDescriptor;
import attnprof.api.input.DescribedInputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.input.InputSpec;
import attnprof.api.input.LoadedInput;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Square RGB images; lengths are the image side in pixels. Tensors are {@code [batch, side, side, 3]}
 * with channels normalised by the ImageNet mean and deviation. Synthetic images are uniform random
 * pixels; real ones are image files scaled and centre-cropped to the side.
 */
public final class ImageInputs extends DescribedInputGenerator {
  static final String IMAGE = "image";
  private static final InputDescriptor DESCRIPTOR = new InputDescriptor("vision/rgb-image", Modality.VISION, "pixels",
      true, List.of(224.0, 384.0, 512.0, 768.0, 1024.0), List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif"),
      "square RGB images (side in pixels), ImageNet-normalised: uniform random pixels for synthetic inputs; "
          + "PNG, JPEG, BMP or GIF files scaled and centre-cropped to the side");

  public ImageInputs() {
    super(DESCRIPTOR);
  }

  /** Two patches of 16 pixels a side: the smallest grid every vision model here can take. */
  @Override
  public double minimumLength() {
    return 32;
  }

  /** 8192 pixels a side. */
  @Override
  public double maximumLength() {
    return 8192;
  }

  @Override
  protected Tensor tensor(InputSpec spec, InputRequest request) {
    if (spec.type() != TFloat32.class || spec.shape().numDimensions() != 4 || spec.shape().get(3) != 3
        || spec.shape().get(1) != spec.shape().get(2)) {
      throw ProfilerException.plugin("vision/rgb-image fills float32 [batch, side, side, 3] inputs, not " + spec, null);
    }
    int batch = (int) spec.shape().get(0);
    int side = (int) spec.shape().get(1);
    float[] values = new float[batch * side * side * 3];
    if (request.source().isPresent()) {
      float[] image = ImageFiles.pixels(((Picture) request.source().get()).image(), side);
      for (int b = 0; b < batch; b++) {
        System.arraycopy(image, 0, values, b * image.length, image.length);
      }
    } else {
      SplittableRandom random = new SplittableRandom(request.seed());
      for (int i = 0; i < values.length; i++) {
        int channel = i % 3;
        values[i] = (float) ((random.nextDouble() - ImageFiles.MEAN[channel]) / ImageFiles.STD[channel]);
      }
    }
    return TFloat32.tensorOf(spec.shape(), DataBuffers.of(values, true, false));
  }


  @Override
  public LoadedInput read(Path file) {
    return new Picture(file.getFileName().toString(), ImageFiles.read(file));
  }

  /** An image read from a file; its natural length is its shorter side. */
  record Picture(String source, BufferedImage image) implements LoadedInput {
    @Override
    public double length() {
      return Math.min(image.getWidth(), image.getHeight());
    }
  }
}
