package attnprof.engine.result;

import attnprof.api.model.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a latency tipping point lies where it does and not at the FLOP one: at the measured length nearest the latency
 * tipping point, the variant's latency over its baseline's is its FLOP ratio divided by its efficiency ratio (its
 * GFLOP/s over the baseline's), and the components whose FLOPs differ say where the efficiency went, with their rates
 * as shares of the measured peak.
 */
public final class TippingGaps {
  private static final double DIFFERENT_FLOPS = 0.05;

  private TippingGaps() {
  }

  /** One sentence per latency tipping point that has a FLOP tipping point beside it and rates to explain it. */
  public static List<String> sentences(SweepResult result) {
    List<AchievedRates.Rate> rates = AchievedRates.of(result.figures());
    List<Breakdowns.Entry> entries = Breakdowns.of(result.figures());
    Optional<Roofline.Roofs> roofs = Roofline.Roofs.of(result.environment());
    List<String> sentences = new ArrayList<>();
    for (TippingPoint latency : result.tippingPoints()) {
      if (!latency.metric().equals("latency") || latency.verdict() != TippingPoint.Verdict.AT || latency.batch() != 1) {
        continue;
      }
      Optional<TippingPoint> flops = result.tippingPoints().stream().filter(t -> t.metric().equals("flops")
          && t.variant().equals(latency.variant()) && t.mode().equals(latency.mode()) && t.input().equals(latency.input())
          && t.batch() == 1 && t.verdict() == TippingPoint.Verdict.AT).findFirst();
      Optional<AchievedRates.Rate> variant = rates.stream().filter(r -> r.variant().equals(latency.variant())
          && r.mode().equals(latency.mode()) && r.input().equals(latency.input()) && Double.isFinite(r.baselineGflops()))
          .min(Comparator.comparingDouble(r -> Math.abs(Math.log(r.length() / latency.length()))));
      if (flops.isEmpty() || variant.isEmpty()) {
        continue;
      }
      AchievedRates.Rate v = variant.get();
      Optional<AchievedRates.Rate> baseline = rates.stream().filter(r -> r.variant().equals(latency.baseline())
          && r.mode().equals(v.mode()) && r.input().equals(v.input()) && r.length() == v.length()).findFirst();
      baseline.ifPresent(b -> sentences.add(sentence(latency, flops.get(), v, b, entries, roofs)));
    }
    return sentences;
  }

  private static String sentence(TippingPoint latency, TippingPoint flops, AchievedRates.Rate v, AchievedRates.Rate b,
      List<Breakdowns.Entry> entries, Optional<Roofline.Roofs> roofs) {
    double flopRatio = v.flops() / b.flops();
    double rateRatio = v.gflopsPerSecond() / b.gflopsPerSecond();
    StringBuilder sentence = new StringBuilder(String.format(Locale.ROOT, "In %s, %s's latency tips at %s, %.2fx its "
        + "FLOP tipping point (%s): at %s it does %.2fx %s's FLOPs at %.2fx its GFLOP/s (%.0f against %.0f), so its "
        + "latency is %.2f / %.2f = %.2fx", latency.mode(), latency.variant(), Lengths.format(latency.length(),
        latency.lengthUnit()), latency.length() / flops.length(), Lengths.format(flops.length(), flops.lengthUnit()),
        Lengths.format(v.length(), v.lengthUnit()), flopRatio, latency.baselineLabel(), rateRatio, v.gflopsPerSecond(),
        b.gflopsPerSecond(), flopRatio, rateRatio, v.latencyMillis() / b.latencyMillis()));
    Optional<Breakdowns.Entry> ve = entry(entries, v.variant(), v);
    Optional<Breakdowns.Entry> be = entry(entries, b.variant(), v);
    if (ve.isPresent() && be.isPresent()) {
      List<String> differing = new ArrayList<>();
      for (Component component : Component.values()) {
        Double mine = ve.get().componentFlops().get(component);
        Double theirs = be.get().componentFlops().get(component);
        if (mine == null || theirs == null || Math.abs(mine - theirs) <= DIFFERENT_FLOPS * Math.max(mine, theirs)) {
          continue;
        }
        double rateMine = ve.get().gflopsPerSecond(component);
        double rateTheirs = be.get().gflopsPerSecond(component);
        differing.add(component.scopeName() + String.format(Locale.ROOT, " %.2fx the FLOPs at %.0f against %.0f "
            + "GFLOP/s", mine / theirs, rateMine, rateTheirs) + roofs.map(r -> String.format(Locale.ROOT,
            " (%.0f%% against %.0f%% of the peak)", 100 * rateMine / r.peakGflops(), 100 * rateTheirs / r.peakGflops()))
            .orElse(""));
      }
      if (!differing.isEmpty()) {
        sentence.append("; where their FLOPs differ: ").append(String.join("; ", differing));
      }
    }
    return sentence.append(".").toString();
  }

  private static Optional<Breakdowns.Entry> entry(List<Breakdowns.Entry> entries, String variant,
      AchievedRates.Rate at) {
    return entries.stream().filter(e -> e.variant().equals(variant) && e.length() == at.length()
        && e.mode().equals(at.mode()) && e.batch() == 1 && e.input().equals(at.input())).findFirst();
  }
}
