package attnprof.api.device;

import java.util.Objects;

/**
 * How to run on a device.
 *
 * @param deviceId the device, such as {@code cpu} or {@code cuda:0}
 * @param threads host threads for TensorFlow's op pools; 0 lets TensorFlow choose (all cores)
 *
 * @since API 1
 */
public record DeviceRequest(String deviceId, int threads) {
  public DeviceRequest {
    Objects.requireNonNull(deviceId, "deviceId");
    if (threads < 0) {
      throw new IllegalArgumentException("threads must not be negative: " + threads);
    }
  }
}
