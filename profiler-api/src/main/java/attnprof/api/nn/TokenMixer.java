package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The part of a Transformer layer that mixes information across tokens: self-attention or one of
 * its efficient substitutes. It owns its projections. Its contract, which the conformance suites
 * ({@code VariantConformance}, {@code MixerConformance}, {@code attnprof verify}) check:
 * <ul>
 *   <li>it keeps the body's width: its output is {@code [batch, tokens, width]}, as its input;</li>
 *   <li>it treats padding tokens as absent: no real token's output depends on a padding token's value;</li>
 *   <li>a padding token's own output is finite (any finite value: the body zeroes or ignores it, but a NaN or
 *       infinity there would spread through the next layer's sums).</li>
 * </ul>
 *
 * @since API 1
 */
@FunctionalInterface
public interface TokenMixer {

  /**
   * Mixes the tokens of {@code x}.
   *
   * @param net the place to build in, already inside the layer's {@code attention} scope
   * @param x the layer's input {@code [batch, tokens, width]}
   * @return the mixed tokens, the same shape as {@code x.values()}, finite at every position padding included
   */
  Operand<TFloat32> mix(Net net, Sequence x);
}
