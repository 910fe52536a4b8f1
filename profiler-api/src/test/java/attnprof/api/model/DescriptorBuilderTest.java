package attnprof.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.Modality;
import attnprof.api.device.DeviceDescriptor;
import attnprof.api.input.InputDescriptor;
import attnprof.api.metric.Direction;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Unit;
import attnprof.api.mixer.MixerDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builders give the descriptors the canonical constructors give, with defaults for what is left out. */
class DescriptorBuilderTest {
  private static final List<ParameterSpec> WIDTH = List.of(ParameterSpec.integer("width", 1, "the width"));

  private static List<Preset> presets() {
    return List.of(new Preset(Preset.TINY, "", Map.of("width", "4")), new Preset(Preset.SMALL, "", Map.of("width", "8")),
        new Preset(Preset.BASE, "", Map.of("width", "16")));
  }

  @Test
  void aVariantDescriptorBuiltStepByStepEqualsTheOneConstructed() {
    VariantDescriptor built = VariantDescriptor.builder("text/mine").displayName("Mine").modality(Modality.TEXT)
        .baseline("text/bert").paper("a paper").summary("a summary").preset(presets().get(0))
        .preset(presets().get(1)).preset(presets().get(2)).parameters(WIDTH).build();

    assertThat(built).isEqualTo(new VariantDescriptor("text/mine", "Mine", Modality.TEXT, "text/bert", "a paper",
        "a summary", presets(), WIDTH));
    assertThatThrownBy(() -> VariantDescriptor.builder("text/mine").modality(Modality.TEXT).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("text/mine has no `tiny` preset");
  }

  @Test
  void theOtherDescriptorsHaveBuildersWithDefaults() {
    Quantity quantity = new Quantity("latency.median", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, "median latency");

    assertThat(InputDescriptor.builder("text/ids").modality(Modality.TEXT).lengthUnit("tokens").wholeLengths()
        .fileTypes(".txt").build()).isEqualTo(new InputDescriptor("text/ids", Modality.TEXT, "tokens", true, List.of(),
            List.of(".txt"), ""));
    assertThat(MetricDescriptor.builder("latency").quantity(quantity).batchOneOnly().build())
        .isEqualTo(new MetricDescriptor("latency", "latency", List.of(quantity), true, "", false));
    assertThat(DeviceDescriptor.builder("tpu").build()).isEqualTo(new DeviceDescriptor("tpu", "tpu", ""));
  }

  @Test
  void aMetricIdThatAShellWouldRunIsRefusedAsAVariantIdIs() {
    Quantity quantity = new Quantity("x", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, "x");
    // shell completion and command lines carry metric ids as they are (issue 27, item 4)
    for (String id : List.of("x$(touch y)", "a b", "x`id`", "Latency", "")) {
      assertThatThrownBy(() -> MetricDescriptor.builder(id).quantity(quantity).build()).as(id)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(MetricDescriptor.builder("peak-memory_2").quantity(quantity).build().id()).isEqualTo("peak-memory_2");
  }

  @Test
  void aMixerDescriptorKeepsAValuePerPresetAndRefusesABadOne() {
    MixerDescriptor mixer = MixerDescriptor.builder("my-mixer").modalities(Modality.SPEECH)
        .parameter(ParameterSpec.integer("rank", 1, "the rank"), "2", "8", "32").build();

    assertThat(mixer.presetValues(Preset.SMALL)).containsExactly(Map.entry("rank", "8"));
    assertThat(mixer.supports(Modality.SPEECH)).isTrue();
    assertThat(mixer.supports(Modality.TEXT)).isFalse();
    assertThat(MixerDescriptor.builder("anywhere").build().supports(Modality.VISION)).isTrue();
    assertThatThrownBy(() -> MixerDescriptor.builder("My Mixer")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MixerDescriptor.builder("m").parameter(ParameterSpec.integer("rank", 1, "r"), "0", "1",
        "1")).isInstanceOf(RuntimeException.class);
  }
}
