package attnprof.engine.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MachinePeaksTest {
  @Test
  void bothRoofsAreMeasuredAsPositiveRatesOfAPlausibleSize() {
    long start = System.nanoTime();
    Map<String, String> facts = MachinePeaks.measure();
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(facts).containsOnlyKeys(MachinePeaks.MATMUL_PEAK, MachinePeaks.MEMORY_BANDWIDTH);
    // a CPU core multiplies at least a GFLOP/s and no CPU reaches a PFLOP/s; memory streams between 0.1 and 10^4 GB/s
    assertThat(Double.parseDouble(facts.get(MachinePeaks.MATMUL_PEAK))).isBetween(1.0, 1e6);
    assertThat(Double.parseDouble(facts.get(MachinePeaks.MEMORY_BANDWIDTH))).isBetween(0.1, 1e4);
    System.out.println("roofs: " + facts + " in " + seconds + " s");
  }
}
