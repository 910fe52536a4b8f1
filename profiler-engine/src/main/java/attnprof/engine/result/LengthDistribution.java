package attnprof.engine.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The lengths of a dataset's samples, each with a weight (1 for a sample; a bin's count for a histogram): what
 * {@code attnprof advise} costs a run's models on.
 *
 * @param unit the lengths' unit, such as {@code tokens}
 * @param lengths the samples' lengths (a histogram's bin lengths), each at least 1
 * @param weights how many samples each length stands for, none negative, not all zero
 * @param source where they came from, for people: {@code 528 files under /usr/share/doc}
 * @param skipped inputs that could not be read as samples (not text, no words, ...)
 */
public record LengthDistribution(String unit, List<Double> lengths, List<Double> weights, String source, int skipped) {
  public LengthDistribution {
    Objects.requireNonNull(unit, "unit");
    lengths = List.copyOf(lengths);
    weights = List.copyOf(weights);
    Objects.requireNonNull(source, "source");
    if (lengths.size() != weights.size()) {
      throw new IllegalArgumentException(lengths.size() + " lengths but " + weights.size() + " weights");
    }
    if (lengths.stream().anyMatch(length -> !(length >= 1) || Double.isInfinite(length))) {
      throw new IllegalArgumentException("a length is below 1 or not a number");
    }
    if (weights.stream().anyMatch(weight -> !(weight >= 0) || Double.isInfinite(weight))
        || weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new IllegalArgumentException("weights must be non-negative counts, not all zero");
    }
  }

  /** Samples of one each. */
  public static LengthDistribution ofSamples(String unit, List<Double> lengths, String source, int skipped) {
    return new LengthDistribution(unit, lengths, lengths.stream().map(length -> 1.0).toList(), source, skipped);
  }

  /** The number of samples. */
  public double count() {
    return weights.stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The smallest length of a sample. */
  public double min() {
    return quantile(0);
  }

  /** The largest length of a sample. */
  public double max() {
    return quantile(1);
  }

  /** The median length. */
  public double median() {
    return quantile(0.5);
  }

  /** The weighted {@code p}-quantile of the lengths: the smallest length with at least that share of samples. */
  public double quantile(double p) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      if (weights.get(i) > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble(lengths::get));
    double target = p * count();
    double seen = 0;
    for (int i : order) {
      seen += weights.get(i);
      if (seen >= target && seen > 0) {
        return lengths.get(i);
      }
    }
    return lengths.get(order.get(order.size() - 1));
  }

  /** The share of samples whose length satisfies {@code test}. */
  public double share(java.util.function.DoublePredicate test) {
    double in = 0;
    for (int i = 0; i < lengths.size(); i++) {
      if (test.test(lengths.get(i))) {
        in += weights.get(i);
      }
    }
    return in / count();
  }
}
