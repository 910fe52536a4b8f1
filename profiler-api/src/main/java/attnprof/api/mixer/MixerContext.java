package attnprof.api.mixer;

import attnprof.api.Modality;
import attnprof.api.model.ModelConfig;

/**
 * Where a mixer is made: the composed variant's configuration (the body's parameters and the mixer's), the
 * width and heads of the body's layers, the layer, and the modality.
 *
 * @param config every parameter of the composed variant, resolved
 * @param width the width of the tokens the mixer receives and returns
 * @param heads the body's attention heads (a mixer may use them, or not)
 * @param layer which layer, from 0 ({@code 0} when checking)
 * @param modality the body's modality
 * @since API 2
 */
public record MixerContext(ModelConfig config, long width, long heads, int layer, Modality modality) {
}
