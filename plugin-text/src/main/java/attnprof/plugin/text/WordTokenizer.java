package attnprof.plugin.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple, documented tokenisation (not a trained word-piece vocabulary): text is lower-cased and
 * split into runs of letters and digits and single other non-space characters; each token's id is
 * 3 + its 64-bit FNV-1a hash modulo (vocabulary - 3). Ids 0, 1 and 2 are padding, [CLS] and [SEP];
 * a row starts with [CLS]. The cost of a model does not depend on which ids it sees, only on how many.
 */
final class WordTokenizer {
  static final int CLS = 1;
  private static final int FIRST_WORD_ID = 3;
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

  private WordTokenizer() {
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /** A row of {@code length} ids: [CLS], then the words, repeated from the start as often as needed. */
  static int[] ids(List<String> words, int length, long vocabulary) {
    int[] ids = new int[length];
    ids[0] = (int) Math.min(CLS, vocabulary - 1);
    for (int i = 1; i < length; i++) {
      ids[i] = id(words.get((i - 1) % words.size()), vocabulary);
    }
    return ids;
  }

  static int id(String word, long vocabulary) {
    if (vocabulary <= FIRST_WORD_ID) {
      return 0;
    }
    long hash = 0xcbf29ce484222325L;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return (int) (FIRST_WORD_ID + Math.floorMod(hash, vocabulary - FIRST_WORD_ID));
  }
}
