package attnprof.api.input;

import attnprof.api.ProfilerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Helpers for input generators that read files: reading with one-line errors, and naming common
 * formats by their first bytes so that a refusal can say what a file looks like ("it looks like WAV
 * audio").
 *
 * @since API 1
 */
public final class InputFiles {
  private InputFiles() {
  }

  /**
   * The bytes of a file.
   *
   * @throws ProfilerException a user error in one line when the file is missing or unreadable
   */
  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ProfilerException.user("input file " + file + " does not exist");
    } catch (IOException e) {
      throw ProfilerException.user("cannot read input file " + file + ": " + e.getMessage());
    }
  }

  /**
   * What a file's content looks like, from its first bytes, when it is one of a few common binary
   * formats: {@code WAV audio}, {@code a PNG image}, {@code a JPEG image}, {@code a BMP image},
   * {@code a GIF image}, {@code a zip archive}, {@code a PDF document}; empty otherwise.
   */
  public static Optional<String> kindOf(byte[] bytes) {
    if (starts(bytes, 0, "RIFF") && starts(bytes, 8, "WAVE")) {
      return Optional.of("WAV audio");
    }
    if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && starts(bytes, 1, "PNG")) {
      return Optional.of("a PNG image");
    }
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
      return Optional.of("a JPEG image");
    }
    if (starts(bytes, 0, "BM") && bytes.length >= 26) {
      return Optional.of("a BMP image");
    }
    if (starts(bytes, 0, "GIF8")) {
      return Optional.of("a GIF image");
    }
    if (starts(bytes, 0, "PK")) {
      return Optional.of("a zip archive");
    }
    if (starts(bytes, 0, "%PDF")) {
      return Optional.of("a PDF document");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int offset, String prefix) {
    byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
