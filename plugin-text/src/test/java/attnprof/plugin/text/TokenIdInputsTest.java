package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.ProfilerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIdInputsTest {

  @Test
  void wordsAndPunctuationAreTokensAndIdsStayInTheVocabulary() {
    List<String> words = WordTokenizer.words("Hello, World! 42 times");
    assertThat(words).containsExactly("hello", ",", "world", "!", "42", "times");

    int[] ids = WordTokenizer.ids(words, 9, 100);
    assertThat(ids[0]).isEqualTo(WordTokenizer.CLS);
    assertThat(java.util.Arrays.stream(ids).boxed()).allSatisfy(id -> assertThat(id).isBetween(0, 99));
    // the words repeat when the row is longer than the text
    assertThat(ids[7]).isEqualTo(ids[1]);
    assertThat(ids[1]).isEqualTo(WordTokenizer.id("hello", 100));
  }

  @Test
  void aWavFileIsRefusedInOneLine(@TempDir Path folder) throws Exception {
    Path wav = folder.resolve("speech.wav");
    byte[] header = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(wav, header);

    assertThatThrownBy(() -> new TokenIdInputs().read(wav))
        .isInstanceOf(ProfilerException.class)
        .hasMessage(wav + " is not a text file (it looks like WAV audio); text inputs are UTF-8 .txt files");
  }

  @Test
  void nonUtf8AndMissingFilesAreRefused(@TempDir Path folder) throws Exception {
    Path latin1 = Files.write(folder.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
    assertThatThrownBy(() -> new TokenIdInputs().read(latin1))
        .hasMessage(latin1 + " is not UTF-8 text; text inputs are UTF-8 .txt files");
    Path missing = folder.resolve("missing.txt");
    assertThatThrownBy(() -> new TokenIdInputs().read(missing)).hasMessage("input file " + missing + " does not exist");
  }
}
