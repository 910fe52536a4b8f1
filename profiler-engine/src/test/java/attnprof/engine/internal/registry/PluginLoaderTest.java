package attnprof.engine.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attnprof.api.ProfilerException;
import attnprof.api.device.Availability;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.device.DeviceDescriptor;
import attnprof.api.device.DeviceRequest;
import attnprof.api.metric.StepTrace;
import attnprof.engine.plugins.PluginDiagnostic;
import attnprof.engine.plugins.PluginRegistry;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.ConfigProto;

class PluginLoaderTest {

  @Test
  void theEnginesOwnProvidersAreFoundOnTheModulePath() {
    PluginRegistry registry = new PluginLoader(null, List.of()).load();

    assertThat(registry.metrics()).extracting(m -> m.descriptor().id())
        .contains("latency", "throughput", "peak-memory");
    assertThat(registry.device("cpu").descriptor().family()).isEqualTo("cpu");
  }

  @Test
  void twoProvidersWithOneIdAreAnErrorNamingBothAndTheRestStillWorks() {
    PluginRegistry registry = new PluginLoader(null, List.of(new FakeDevice("gpu"), new FakeDevice("gpu"))).load();

    assertThat(registry.diagnostics()).extracting(PluginDiagnostic::severity)
        .containsExactly(PluginDiagnostic.Severity.ERROR);
    String expected = "duplicate device id `gpu` provided by embedder (" + FakeDevice.class.getName()
        + ") and embedder (" + FakeDevice.class.getName() + "); remove one of them";
    assertThat(registry.diagnostics().get(0).message()).isEqualTo(expected);
    assertThatThrownBy(() -> registry.device("gpu:0")).isInstanceOf(ProfilerException.class).hasMessage(expected);
    assertThat(registry.device("cpu")).isNotNull();
  }

  @Test
  void aProviderWithABrokenDescriptorCostsOneDiagnostic() {
    PluginRegistry registry = new PluginLoader(null, List.of(new FakeDevice(null))).load();

    assertThat(registry.diagnostics()).hasSize(1);
    assertThat(registry.diagnostics().get(0).line()).startsWith("warning: embedder (")
        .contains("has a broken descriptor");
  }

  @Test
  void aJarThatIsNotAPluginIsSkippedWithOneDiagnostic(@TempDir Path plugins) throws IOException {
    Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3});
    Files.writeString(plugins.resolve("notes.txt"), "not a jar");

    PluginRegistry registry = new PluginLoader(plugins, List.of()).load();

    assertThat(registry.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.line()).startsWith("warning: " + plugins.getFileName() + "/broken.jar: cannot load: "));
    assertThat(registry.metrics()).isNotEmpty();
  }

  @Test
  void pluginsBuiltAgainstAnotherApiVersionAreRecognised() {
    assertThat(PluginLayers.compatible(ModuleDescriptor.Version.parse("0.1.0-SNAPSHOT"),
        ModuleDescriptor.Version.parse("0.1.3"))).isTrue();
    assertThat(PluginLayers.compatible(ModuleDescriptor.Version.parse("0.1.0"),
        ModuleDescriptor.Version.parse("0.2.0"))).isFalse();
    assertThat(PluginLayers.compatible(ModuleDescriptor.Version.parse("1.4.0"),
        ModuleDescriptor.Version.parse("1.0.0"))).isTrue();
    assertThat(PluginLayers.compatible(ModuleDescriptor.Version.parse("2.0.0"),
        ModuleDescriptor.Version.parse("1.0.0"))).isFalse();
  }

  /** A device adapter made in code; a null family makes its descriptor throw. */
  static final class FakeDevice implements DeviceAdapter {
    private final String family;

    FakeDevice(String family) {
      this.family = family;
    }

    @Override
    public DeviceDescriptor descriptor() {
      return new DeviceDescriptor(family, "Fake", "a stand-in");
    }

    @Override
    public Availability availability(String deviceId) {
      return Availability.unavailable("fake");
    }

    @Override
    public String tensorflowDevice(String deviceId) {
      return "/device:CPU:0";
    }

    @Override
    public ConfigProto sessionConfig(DeviceRequest request) {
      return ConfigProto.getDefaultInstance();
    }

    @Override
    public OptionalLong peakMemoryBytes(StepTrace trace, String deviceId) {
      return OptionalLong.empty();
    }

    @Override
    public Map<String, String> describe(String deviceId) {
      return Map.of();
    }
  }
}
