package attnprof.api.metric;

import attnprof.api.Mode;
import attnprof.api.model.ModelConfig;
import java.util.Objects;

/**
 * One point of a sweep: a variant's configuration at one length, batch size and mode on one device.
 *
 * @param variantId the variant's id
 * @param config the resolved configuration
 * @param length the input length in the modality's unit
 * @param batch inputs per step
 * @param mode inference or training
 * @param deviceId the device, such as {@code cpu} or {@code cuda:0}
 *
 * @since API 1
 */
public record MeasurementPoint(String variantId, ModelConfig config, double length, int batch, Mode mode,
    String deviceId) {
  public MeasurementPoint {
    Objects.requireNonNull(variantId, "variantId");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(deviceId, "deviceId");
  }
}
