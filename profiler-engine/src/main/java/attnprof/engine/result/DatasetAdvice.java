package attnprof.engine.result;

import java.util.List;
import java.util.Objects;

/**
 * A dataset's lengths and what a run's models cost on it: given to a report, its answer comes first and its
 * histogram is drawn under the cost curves.
 *
 * @param lengths the dataset's lengths
 * @param advice each comparison's costs on it
 * @param timeDrift how far this machine's times drift between runs, which the intervals of times include
 */
public record DatasetAdvice(LengthDistribution lengths, List<Advice> advice, TimeDrift timeDrift) {
  public DatasetAdvice {
    Objects.requireNonNull(lengths, "lengths");
    advice = List.copyOf(advice);
    Objects.requireNonNull(timeDrift, "timeDrift");
  }
}
