package attnprof.plugin.text;

import attnprof.api.ProfilerException;
import attnprof.api.input.InputFiles;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a text input file, refusing in one line what is not UTF-8 text with words in it. */
final class TextFiles {
  private TextFiles() {
  }

  static String read(Path file) {
    byte[] bytes = InputFiles.read(file);
    Optional<String> kind = InputFiles.kindOf(bytes);
    if (kind.isPresent()) {
      throw ProfilerException.user(file + " is not a text file (it looks like " + kind.get()
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
}
