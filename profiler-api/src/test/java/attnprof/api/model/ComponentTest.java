package attnprof.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComponentTest {

  @Test
  void theInnermostComponentSegmentWins() {
    assertThat(Component.ofNodeName("layer_3/attention/query/MatMul")).isEqualTo(Component.ATTENTION);
    assertThat(Component.ofNodeName("layer_0/attention/norm/Mean")).isEqualTo(Component.NORM);
    assertThat(Component.ofNodeName("embedding/word_embeddings_read")).isEqualTo(Component.EMBEDDING);
  }

  @Test
  void suffixesThatMakeRepeatedScopesUniqueAreIgnored() {
    assertThat(Component.ofNodeName("layer_1/output/norm_1/add")).isEqualTo(Component.NORM);
    assertThat(Component.ofNodeName("layer_1/feed_forward_2/MatMul")).isEqualTo(Component.FEED_FORWARD);
  }

  @Test
  void opsWithoutAComponentScopeAreOther() {
    assertThat(Component.ofNodeName("Gradients/MatMul_3")).isEqualTo(Component.OTHER);
    assertThat(Component.ofNodeName("normalize/x")).isEqualTo(Component.OTHER);
  }
}
