package attnprof.engine.result;

import attnprof.api.metric.Measurement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one measuring process (a fork) measured of one point. A point's result keeps its forks so that
 * statistics can resample them: forks are the unit of replication, and the timed runs of a variant
 * and its baseline in the same process were taken in interleaved rounds (run {@code i} of each in
 * round {@code i}).
 *
 * @param replicate which repetition this fork was, from 0; {@link #OWN_PROCESS} for the process that
 *     measured the point alone for the metrics that need one of their own
 * @param process the id of the process, shared by every point it measured
 * @param measurements what it measured, with each timed run's value
 * @param wallSeconds the point's share of the process' time: loading it, its own steps, its metrics
 * @param finishedAt when the sweep had the point's result from the process, in milliseconds since the
 *     epoch (0 when unknown): forks taken minutes apart show how much the machine drifts
 */
public record ForkResult(int replicate, String process, List<Measurement> measurements, double wallSeconds,
    long finishedAt) {
  /** The replicate of a process that measured one point alone. */
  public static final int OWN_PROCESS = -1;

  public ForkResult {
    Objects.requireNonNull(process, "process");
    measurements = List.copyOf(measurements);
  }

  /** The measurement of a quantity in this fork, if it was measured. */
  public Optional<Measurement> measurement(String quantityId) {
    return measurements.stream().filter(m -> m.quantity().id().equals(quantityId)).findFirst();
  }
}
