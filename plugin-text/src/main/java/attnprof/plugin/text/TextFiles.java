package attnprof.plugin.text;

import attnprof.api.ProfilerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a text input file, refusing in one line what is not UTF-8 text with words in it. */
final class TextFiles {
  private TextFiles() {
  }

  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ProfilerException.user("input file " + file + " does not exist");
    } catch (IOException e) {
      throw ProfilerException.user("cannot read input file " + file + ": " + e.getMessage());
    }
    String kind = BinaryKinds.of(bytes);
    if (kind != null) {
      throw ProfilerException.user(file + " is not a text file (it looks like " + kind
          + "); text inputs are UTF-8 .txt files");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ProfilerException.user(file + " is not UTF-8 text; text inputs are UTF-8 .txt files");
    }
    if (text.indexOf('\0') >= 0) {
      throw ProfilerException.user(file + " is not a text file (it holds NUL bytes); text inputs are UTF-8 .txt files");
    }
    if (WordTokenizer.words(text).isEmpty()) {
      throw ProfilerException.user(file + " holds no words to tokenize");
    }
    return text;
  }

  /** Recognises common binary formats by their first bytes, to name them in the error. */
  static final class BinaryKinds {
    private BinaryKinds() {
    }

    static String of(byte[] bytes) {
      if (starts(bytes, "RIFF") && bytes.length >= 12 && new String(bytes, 8, 4, StandardCharsets.ISO_8859_1).equals("WAVE")) {
        return "WAV audio";
      }
      if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && starts(bytes, 1, "PNG")) {
        return "a PNG image";
      }
      if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
        return "a JPEG image";
      }
      if (starts(bytes, "PK")) {
        return "a zip archive";
      }
      if (starts(bytes, "%PDF")) {
        return "a PDF document";
      }
      return null;
    }

    private static boolean starts(byte[] bytes, String prefix) {
      return starts(bytes, 0, prefix);
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
}
