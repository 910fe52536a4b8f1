package attnprof.api.nn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The part of a Transformer layer that mixes information across tokens: self-attention or one of
 * its efficient substitutes. It owns its projections. It must treat padding tokens as absent: no
 * real token's output may depend on them.
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
   * @return the mixed tokens, the same shape as {@code x.values()}
   */
  Operand<TFloat32> mix(Net net, Sequence x);
}
