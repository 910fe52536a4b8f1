package attnprof.plugin.text;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.FEED_FORWARD;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.LAYERS;
import static attnprof.api.model.LayerParameters.WIDTH;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import attnprof.api.Mode;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.Preset;
import attnprof.testkit.ModelEvaluator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FLOPs a sweep reports for BERT equal a count of its layers written out by hand. */
class FlopCountTest {

  @Test
  void tinyBertForwardMatchesTheHandCountPerComponent() {
    BertVariant bert = new BertVariant();
    ModelConfig config = TextReferences.tiny(bert, Map.of());
    long b = 2;
    long n = 8;
    long d = config.integer(WIDTH);
    long h = config.integer(HEADS);
    long f = config.integer(FEED_FORWARD);
    long layers = config.integer(LAYERS);

    Map<Component, Long> counted = ModelEvaluator.flops(bert, config, (int) b, n, Mode.INFERENCE);

    // two additions of the word, position and segment embeddings; the lookups move data only
    long embedding = 2 * b * n * d;
    // per layer: query, key, value and output projections (product and bias), the two attention
    // products, the 1/sqrt(d) scaling and the softmax (5 per score)
    long attention = layers * (4 * (2 * b * n * d * d + b * n * d) + 2 * (2 * b * n * n * d) + 6 * b * h * n * n);
    // per layer: two dense layers (product and bias) and the exact GELU (5 element-wise ops)
    long feedForward = layers * (2 * b * n * d * f + b * n * f + 5 * b * n * f + 2 * b * n * f * d + b * n * d);
    // layer normalisation: mean, subtraction, square, mean, scale and shift (7 per value), epsilon and
    // rsqrt (2 per token); after the embeddings, and twice per layer with its residual addition
    long layerNorm = 7 * b * n * d + 2 * b * n;
    long norm = layerNorm + layers * 2 * (b * n * d + layerNorm);

    assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(Component.EMBEDDING, embedding,
        Component.ATTENTION, attention, Component.FEED_FORWARD, feedForward, Component.NORM, norm,
        Component.OTHER, 0L));
  }

  @Test
  void bertBaseForwardAt512TokensIsTheStudys96point6Gflops() {
    BertVariant bert = new BertVariant();
    ModelConfig config = ModelConfig.resolve(bert.descriptor(), Preset.BASE, Map.of());

    long total = ModelEvaluator.flops(bert, config, 1, 512, Mode.INFERENCE).values().stream()
        .mapToLong(Long::longValue).sum();

    // 48.3 G multiply-adds in the 12 layers' projections and attention products, 2 FLOPs each
    assertThat(total / 1e9).isCloseTo(96.6, within(96.6 * 0.02));
  }

  @Test
  void trainingCountsTheGradientsAndUpdatesOfEveryComponent() {
    BertVariant bert = new BertVariant();
    ModelConfig config = TextReferences.tiny(bert, Map.of());
    Map<Component, Long> forward = ModelEvaluator.flops(bert, config, 2, 8, Mode.INFERENCE);
    Map<Component, Long> training = ModelEvaluator.flops(bert, config, 2, 8, Mode.TRAINING);

    // the backward pass of a matrix product costs two products: a training step is about 3x forward
    for (Component component : new Component[] {Component.ATTENTION, Component.FEED_FORWARD}) {
      assertThat((double) training.get(component) / forward.get(component)).as(component.scopeName())
          .isBetween(2.8, 3.6);
    }
  }
}
