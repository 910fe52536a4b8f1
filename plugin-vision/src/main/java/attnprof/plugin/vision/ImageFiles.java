package attnprof.plugin.vision;

import attnprof.api.ProfilerException;
import attnprof.api.input.InputFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads images with the JDK's {@link ImageIO} (PNG, JPEG, BMP, GIF, WBMP) and turns them into
 * square RGB pixel arrays: scaled so that the shorter side is the requested side, centre-cropped,
 * and normalised with the ImageNet mean and standard deviation per channel, as ViT and Swin are fed.
 */
final class ImageFiles {
  static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  static final float[] STD = {0.229f, 0.224f, 0.225f};

  private ImageFiles() {
  }

  /** The image in a file, refusing in one line what is not an image ImageIO can read. */
  static BufferedImage read(Path file) {
    byte[] bytes = InputFiles.read(file);
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw ProfilerException.user(file + " is a broken image: " + e.getMessage());
    }
    if (image == null) {
      String looks = InputFiles.kindOf(bytes).map(kind -> " (it looks like " + kind + ")").orElse("");
      throw ProfilerException.user(file + " is not an image" + looks
          + "; vision inputs are PNG, JPEG, BMP or GIF files");
    }
    return image;
  }

  /**
   * The image as normalised RGB values {@code [side][side][3]}, flattened row-major: scaled so its
   * shorter side is {@code side} (bilinear), then the centre {@code side x side} square.
   */
  static float[] pixels(BufferedImage image, int side) {
    double scale = (double) side / Math.min(image.getWidth(), image.getHeight());
    int width = Math.max(side, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(side, (int) Math.round(image.getHeight() * scale));
    BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = square.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(image, -(width - side) / 2, -(height - side) / 2, width, height, null);
    } finally {
      graphics.dispose();
    }
    float[] values = new float[side * side * 3];
    int i = 0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int rgb = square.getRGB(x, y);
        values[i++] = normalise((rgb >> 16) & 0xff, 0);
        values[i++] = normalise((rgb >> 8) & 0xff, 1);
        values[i++] = normalise(rgb & 0xff, 2);
      }
    }
    return values;
  }

  private static float normalise(int value, int channel) {
    return (value / 255f - MEAN[channel]) / STD[channel];
  }
}
