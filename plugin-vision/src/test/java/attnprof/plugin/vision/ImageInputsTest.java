package attnprof.plugin.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.ProfilerException;
import attnprof.api.input.InputBatch;
import attnprof.api.input.InputRequest;
import attnprof.api.input.InputSpec;
import attnprof.api.input.LoadedInput;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class ImageInputsTest {
  private final ImageInputs inputs = new ImageInputs();

  @Test
  void syntheticImagesFillTheShapeWithNormalisedPixelsAndDependOnlyOnTheSeed() {
    InputSpec spec = new InputSpec(ImageInputs.IMAGE, TFloat32.class, Shape.of(2, 8, 8, 3), 0);
    try (InputBatch first = inputs.generate(new InputRequest(List.of(spec), Optional.empty(), 3));
         InputBatch second = inputs.generate(new InputRequest(List.of(spec), Optional.empty(), 3))) {
      TFloat32 a = (TFloat32) first.get(ImageInputs.IMAGE);
      TFloat32 b = (TFloat32) second.get(ImageInputs.IMAGE);
      assertThat(a.shape()).isEqualTo(Shape.of(2, 8, 8, 3));
      for (int i = 0; i < 8; i++) {
        assertThat(a.getFloat(1, i, 2, 0)).isEqualTo(b.getFloat(1, i, 2, 0))
            .isBetween(-0.485f / 0.229f, (1 - 0.485f) / 0.229f);
      }
    }
  }

  @Test
  void aRealImageIsScaledCentreCroppedAndNormalised(@TempDir Path folder) throws Exception {
    // 40 x 20: left half red, right half blue; scaled to side 10 it is 20 x 10, and the centre crop
    // keeps columns 5..14: half red, half blue
    Path png = writePng(folder.resolve("halves.png"), 40, 20, graphics -> {
      graphics.setColor(Color.RED);
      graphics.fillRect(0, 0, 20, 20);
      graphics.setColor(Color.BLUE);
      graphics.fillRect(20, 0, 20, 20);
    });

    LoadedInput picture = inputs.read(png);
    assertThat(picture.source()).isEqualTo("halves.png");
    assertThat(picture.length()).isEqualTo(20);
    InputSpec spec = new InputSpec(ImageInputs.IMAGE, TFloat32.class, Shape.of(1, 10, 10, 3), 0);
    try (InputBatch batch = inputs.generate(new InputRequest(List.of(spec), Optional.of(picture), 0))) {
      TFloat32 pixels = (TFloat32) batch.get(ImageInputs.IMAGE);
      float red = (1 - 0.485f) / 0.229f;
      float noRed = -0.485f / 0.229f;
      assertThat(pixels.getFloat(0, 5, 0, 0)).isCloseTo(red, within(1e-4f));
      assertThat(pixels.getFloat(0, 5, 9, 0)).isCloseTo(noRed, within(1e-4f));
      assertThat(pixels.getFloat(0, 5, 9, 2)).isCloseTo((1 - 0.406f) / 0.225f, within(1e-4f));
    }
  }

  @Test
  void jpegAndBmpFilesAreReadToo(@TempDir Path folder) throws Exception {
    BufferedImage image = new BufferedImage(12, 16, BufferedImage.TYPE_INT_RGB);
    for (String format : List.of("jpg", "bmp")) {
      Path file = folder.resolve("photo." + format);
      assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
      assertThat(inputs.read(file).length()).isEqualTo(12);
    }
  }

  @Test
  void filesThatAreNotImagesAreRefusedInOneLineThatSaysWhatTheyLookLike(@TempDir Path folder) throws Exception {
    Path wav = Files.write(folder.resolve("speech.wav"), "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1));
    Path text = Files.writeString(folder.resolve("notes.txt"), "not an image");

    assertThatThrownBy(() -> inputs.read(wav)).isInstanceOf(ProfilerException.class)
        .hasMessage(wav + " is not an image (it looks like WAV audio); vision inputs are PNG, JPEG, BMP or GIF files");
    assertThatThrownBy(() -> inputs.read(text)).isInstanceOf(ProfilerException.class)
        .hasMessage(text + " is not an image; vision inputs are PNG, JPEG, BMP or GIF files");
    assertThatThrownBy(() -> inputs.read(folder.resolve("missing.png"))).isInstanceOf(ProfilerException.class)
        .hasMessageContaining("does not exist");
  }

  /** Writes a PNG image of this size, painted by {@code paint} on black. */
  static Path writePng(Path file, int width, int height, java.util.function.Consumer<Graphics2D> paint)
      throws java.io.IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    paint.accept(graphics);
    graphics.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
