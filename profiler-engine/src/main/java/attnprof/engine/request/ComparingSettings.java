package attnprof.engine.request;

import attnprof.api.ProfilerException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sweep compares each efficient variant with its baseline and narrows its tipping points down.
 *
 * @param noise the relative difference under which a variant and its baseline are indistinguishable
 * @param refine whether to measure more lengths after the grid to narrow tipping points down
 * @param refineBudget the most time refinement may take
 */
public record ComparingSettings(double noise, SweepRequest.Refine refine, Duration refineBudget) {

  /** @throws ProfilerException a user error for a value out of range */
  public ComparingSettings {
    Objects.requireNonNull(refine, "refine");
    Objects.requireNonNull(refineBudget, "refineBudget");
    if (!(noise >= 0 && noise < 1)) {
      throw ProfilerException.user("the noise threshold must be at least 0 and below 1 (0.02 = 2%), got " + noise);
    }
    if (refineBudget.isNegative()) {
      throw ProfilerException.user("the refinement budget must not be negative, got " + refineBudget);
    }
  }
}
