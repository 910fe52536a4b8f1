package attnprof.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
  private static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.integer("layers", 1, "layers"), ParameterSpec.integer("window", 2, "window"));
  private static final VariantDescriptor VARIANT = new VariantDescriptor("text/example", "Example", Modality.TEXT,
      "text/bert", "a paper", "a summary",
      List.of(new Preset("tiny", "t", Map.of("layers", "1", "window", "4")),
          new Preset("small", "s", Map.of("layers", "2", "window", "8")),
          new Preset("base", "b", Map.of("layers", "12", "window", "512"))),
      PARAMETERS);

  @Test
  void overridesReplacePresetValues() {
    ModelConfig config = ModelConfig.resolve(VARIANT, "small", Map.of("window", "256"));

    assertThat(config.integer("layers")).isEqualTo(2);
    assertThat(config.integer("window")).isEqualTo(256);
    assertThat(config.overridden()).containsExactly("window");
  }

  @Test
  void unknownParametersAreUserErrorsThatNameTheKnownOnes() {
    assertThatThrownBy(() -> ModelConfig.resolve(VARIANT, "small", Map.of("windwo", "3")))
        .isInstanceOf(ProfilerException.class)
        .hasMessage("variant `text/example` has no parameter `windwo`; known: layers, window")
        .extracting(e -> ((ProfilerException) e).kind()).isEqualTo(ProfilerException.Kind.USER);
  }

  @Test
  void valuesAreCheckedAgainstTheirSpec() {
    assertThatThrownBy(() -> ModelConfig.resolve(VARIANT, "small", Map.of("window", "wide")))
        .hasMessage("parameter `window` needs an integer, got `wide`");
    assertThatThrownBy(() -> ModelConfig.resolve(VARIANT, "small", Map.of("window", "1")))
        .hasMessage("parameter `window` must be at least 2, got 1");
  }

  @Test
  void unknownPresetsNameTheKnownOnes() {
    assertThatThrownBy(() -> ModelConfig.resolve(VARIANT, "large", Map.of()))
        .hasMessage("variant `text/example` has no preset `large`; known: tiny, small, base");
  }

  @Test
  void aDescriptorNeedsTheThreePresetsEachSettingEveryParameter() {
    assertThatThrownBy(() -> new VariantDescriptor("text/x", "X", Modality.TEXT, "", "p", "s",
        List.of(new Preset("tiny", "t", Map.of("layers", "1", "window", "4"))), PARAMETERS))
        .hasMessage("text/x has no `small` preset");
    assertThatThrownBy(() -> new VariantDescriptor("text/x", "X", Modality.TEXT, "", "p", "s",
        List.of(new Preset("tiny", "t", Map.of("layers", "1")),
            new Preset("small", "s", Map.of("layers", "2", "window", "8")),
            new Preset("base", "b", Map.of("layers", "12", "window", "512"))), PARAMETERS))
        .hasMessageContaining("preset `tiny` must set exactly");
  }
}
