package attnprof.plugin.text;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.model.ModelVariant;
import attnprof.testkit.ModelEvaluator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training step a sweep measures builds and runs for every text variant, and its loss falls. */
class TextTrainingTest {
  @Test
  void everyTextVariantTrainsItsLossDownhill() {
    for (ModelVariant variant : List.of(new BertVariant(), new LongformerVariant(), new NystromformerVariant())) {
      float[] losses = ModelEvaluator.trainingLosses(variant, TextReferences.tiny(variant, Map.of()), 2, 40,
          TextReferences.SEED, new TokenIdInputs(), 3);
      assertThat(losses[2]).as("%s losses %s", variant.descriptor().id(), Arrays.toString(losses))
          .isLessThan(losses[0]);
    }
  }
}
