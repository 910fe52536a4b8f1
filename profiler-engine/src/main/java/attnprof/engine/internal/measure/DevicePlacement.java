package attnprof.engine.internal.measure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.DeviceSpec;

/** Parses a TensorFlow device string such as {@code /device:GPU:1} into a device spec. */
final class DevicePlacement {
  private static final Pattern DEVICE = Pattern.compile("(?:.*/)?device:([A-Za-z]+):([0-9]+)");

  private DevicePlacement() {
  }

  static DeviceSpec parse(String device) {
    Matcher matcher = DEVICE.matcher(device);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a TensorFlow device string: " + device);
    }
    return DeviceSpec.newBuilder()
        .deviceType(DeviceSpec.DeviceType.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT)))
        .deviceIndex(Integer.parseInt(matcher.group(2)))
        .build();
  }
}
