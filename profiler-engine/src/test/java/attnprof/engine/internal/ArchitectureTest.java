package attnprof.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The engine names no plugin: it finds them through the services it uses. */
class ArchitectureTest {

  @Test
  void theEngineRequiresNoPluginAndUsesEverySpiType() {
    ModuleDescriptor engine = ArchitectureTest.class.getModule().getDescriptor();

    assertThat(engine.name()).isEqualTo("attnprof.engine");
    assertThat(engine.requires()).extracting(ModuleDescriptor.Requires::name)
        .noneMatch(name -> name.startsWith("attnprof.plugin"));
    assertThat(engine.uses()).containsExactlyInAnyOrder("attnprof.api.model.ModelVariant",
        "attnprof.api.input.InputGenerator", "attnprof.api.metric.Metric", "attnprof.api.device.DeviceAdapter");
  }

  @Test
  void theApiDependsOnNothingOfTheEngine() {
    ModuleDescriptor api = attnprof.api.Mode.class.getModule().getDescriptor();

    assertThat(api.requires()).extracting(ModuleDescriptor.Requires::name)
        .noneMatch(name -> name.startsWith("attnprof."));
  }
}
