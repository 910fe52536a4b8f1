package attnprof.engine.result;

import attnprof.api.model.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each component of each traced point on the machine's roofline (Williams, Waterman and Patterson 2009): its
 * arithmetic intensity (counted FLOPs per byte its ops read and write), the rate it achieved (its FLOPs over its
 * traced time), and that rate as a share of the matrix-multiply peak the run measured, and of what the roofline
 * allows at its intensity (the lower of the peak and bandwidth x intensity). A component far below its roof runs
 * inefficient kernels; one on the sloped roof is memory-bound, however good its kernels.
 */
public final class Roofline {
  /** The environment fact of the compute roof, GFLOP/s. */
  public static final String PEAK_FACT = "matmul_peak_gflops";
  /** The environment fact of the bandwidth roof, GB/s. */
  public static final String BANDWIDTH_FACT = "memory_bandwidth_gbs";

  private Roofline() {
  }

  /**
   * The machine's roofs, as the run measured them ({@code matmul_peak_gflops} and {@code memory_bandwidth_gbs} among
   * its environment's facts).
   */
  public record Roofs(double peakGflops, double bandwidthGbs) {
    /** What the roofline allows at an intensity, in GFLOP/s. */
    public double attainable(double intensity) {
      return Math.min(peakGflops, bandwidthGbs * intensity);
    }

    /** The intensity where the sloped roof meets the flat one: below it, a kernel is memory-bound. */
    public double ridge() {
      return peakGflops / bandwidthGbs;
    }

    /** The roofs a run measured, when it did. */
    public static Optional<Roofs> of(RunEnvironment environment) {
      if (environment == null) {
        return Optional.empty();
      }
      try {
        String peak = environment.deviceFacts().get(PEAK_FACT);
        String bandwidth = environment.deviceFacts().get(BANDWIDTH_FACT);
        return peak == null || bandwidth == null ? Optional.empty()
            : Optional.of(new Roofs(Double.parseDouble(peak), Double.parseDouble(bandwidth)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * One component of one point on the roofline.
   *
   * @param intensity FLOPs per byte
   * @param gflopsPerSecond the rate it achieved
   * @param shareOfPeak that rate over the matrix-multiply peak
   * @param shareOfRoof that rate over what the roofline allows at its intensity
   * @param bound {@code memory} when its intensity is below the ridge, else {@code compute}
   */
  public record Point(String variant, double length, String lengthUnit, String mode, int batch, String input,
      String component, double flops, double millis, double intensity, double gflopsPerSecond, double shareOfPeak,
      double shareOfRoof, String bound) {
  }

  /** Every component with FLOPs, bytes and traced time of every breakdown, placed under the roofs. */
  public static List<Point> of(List<Breakdowns.Entry> entries, Roofs roofs) {
    List<Point> points = new ArrayList<>();
    for (Breakdowns.Entry entry : entries) {
      for (Component component : Component.values()) {
        double rate = entry.gflopsPerSecond(component);
        double intensity = entry.intensity(component);
        if (!Double.isFinite(rate) || !Double.isFinite(intensity) || rate <= 0) {
          continue;
        }
        points.add(new Point(entry.variant(), entry.length(), entry.lengthUnit(), entry.mode(), entry.batch(),
            entry.input(), component.scopeName(), entry.componentFlops().get(component), entry.millis().get(component),
            intensity, rate, rate / roofs.peakGflops(), rate / roofs.attainable(intensity),
            intensity < roofs.ridge() ? "memory" : "compute"));
      }
    }
    return points;
  }
}
