package attnprof.plugin.text;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import attnprof.api.input.InputDescriptor;
import attnprof.api.input.DescribedInputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.input.InputSpec;
import attnprof.api.input.LoadedInput;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TInt32;

/**
 * Token ids: random ids for synthetic inputs, and ids of a UTF-8 text file's words by
 * {@link WordTokenizer}. A text shorter than the requested length is repeated; a longer one is cut.
 */
public final class TokenIdInputs extends DescribedInputGenerator {
  private static final InputDescriptor DESCRIPTOR = new InputDescriptor("text/token-ids", Modality.TEXT, "tokens", true,
      List.of(128.0, 256.0, 512.0, 1024.0, 2048.0), List.of(".txt"),
      "token ids: uniformly random for synthetic inputs; a UTF-8 text file's words and punctuation, "
          + "lower-cased and hashed into the model's vocabulary, preceded by [CLS]");

  public TokenIdInputs() {
    super(DESCRIPTOR);
  }

  /** 2^20 tokens: beyond any model here (BERT-base's attention alone would need 4 TiB). */
  @Override
  public double maximumLength() {
    return 1 << 20;
  }

  @Override
  protected Tensor tensor(InputSpec spec, InputRequest request) {
    if (spec.type() != TInt32.class || spec.shape().numDimensions() != 2 || spec.valueLimit() < 1) {
      throw ProfilerException.plugin("text/token-ids fills int32 [batch, tokens] inputs with a vocabulary size, not "
          + spec, null);
    }
    int batch = (int) spec.shape().get(0);
    int tokens = (int) spec.shape().get(1);
    int[] ids = request.source().isPresent()
        ? fromText((TextInput) request.source().get(), batch, tokens, spec.valueLimit())
        : random(batch * tokens, spec.valueLimit(), request.seed());
    return TInt32.tensorOf(spec.shape(), DataBuffers.of(ids, true, false));
  }


  private static int[] random(int count, long vocabulary, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = (int) random.nextLong(vocabulary);
    }
    return ids;
  }

  private static int[] fromText(TextInput text, int batch, int tokens, long vocabulary) {
    int[] row = WordTokenizer.ids(text.words(), tokens, vocabulary);
    int[] ids = new int[batch * tokens];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(row, 0, ids, b * tokens, tokens);
    }
    return ids;
  }

  @Override
  public LoadedInput read(Path file) {
    return new TextInput(file.getFileName().toString(), WordTokenizer.words(TextFiles.read(file)));
  }

  /** A text file's words. */
  record TextInput(String source, List<String> words) implements LoadedInput {
    @Override
    public double length() {
      return words.size() + 1; // [CLS] first
    }
  }
}
