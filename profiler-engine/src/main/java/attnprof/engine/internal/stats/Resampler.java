package attnprof.engine.internal.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random source of resampling, seeded so that the same measurements always give the same
 * intervals.
 */
final class Resampler {
  private final UniformRandomProvider random;

  Resampler(long seed) {
    random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  /** A uniform index in {@code [0, size)}. */
  int index(int size) {
    return random.nextInt(size);
  }

  /** A standard normal deviate (Box-Muller). */
  double normal() {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
