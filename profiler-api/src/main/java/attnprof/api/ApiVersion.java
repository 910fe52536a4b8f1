package attnprof.api;

/**
 * The levels of this SPI, which each type's {@code @since API N} refers to. A plugin built against a level
 * runs on every later one: types and methods are only added, with defaults, and descriptors are made with
 * builders so that fields added later leave plugins compiling.
 *
 * <ul>
 *   <li>API 1: {@code ModelVariant}, {@code InputGenerator}, {@code Metric}, {@code DeviceAdapter}, and the
 *       shared layers of {@code attnprof.api.nn};</li>
 *   <li>API 2: token mixers that run on every modality's body ({@code attnprof.api.mixer}), descriptor
 *       builders, and {@code ModelVariant.check}.</li>
 *   <li>API 3: the {@code streaming} mode ({@code Mode.STREAMING}, {@code ModelVariant.modes},
 *       {@code ModelVariant.defaultLengths(Mode)}, {@code StreamingStep}, {@code MeasurementContext.streaming}).</li>
 *   <li>API 4: a mixer that runs on named bodies only ({@code MixerDescriptor.bodies}); the mixer contract says
 *       what padding queries must output and that a mixer keeps the body's width; bases for providers with a
 *       fixed descriptor ({@code Described}, {@code DescribedVariant}, {@code MixerVariant},
 *       {@code DescribedInputGenerator}, {@code DescribedMixer}) and bodies that name their encoder
 *       ({@code BodyEncoder}, {@code EncodedBody}).</li>
 *   <li>API 5: steps traced with the graph's ops one at a time, for where the time goes
 *       ({@code MeasurementContext.tracedStepsOneOpAtATime}).</li>
 * </ul>
 *
 * <p>{@code attnprof list} shows, for each plugin, the version of {@code attnprof.api} it was compiled
 * against (recorded by the Java compiler in its module descriptor).
 *
 * @since API 2
 */
public final class ApiVersion {
  /** The level of this API. */
  public static final int CURRENT = 5;

  private ApiVersion() {
  }
}
