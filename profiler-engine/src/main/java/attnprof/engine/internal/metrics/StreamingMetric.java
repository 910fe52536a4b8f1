package attnprof.engine.internal.metrics;

import attnprof.api.Mode;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MeasurementPoint;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MetricDescriptor;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import java.util.Arrays;
import java.util.List;

/**
 * What a deployer of a streaming model asks of each chunk, beside its median latency ({@code latency}): the
 * tail of the chunk latencies, whether the model keeps up with real time, and the memory of the state it
 * carries. Measured at points of the {@code streaming} mode only, from the same timed steps as
 * {@code latency}.
 */
public final class StreamingMetric implements Metric {
  static final Quantity P90 = new Quantity("latency.p90", Unit.MILLISECONDS, Direction.NEITHER,
      "the 90th percentile of the chunk latencies");
  /**
   * Reported, not compared: one number per measuring process, with no runs to resample, and the tail of a
   * few hundred chunks moves with whatever else the machine did; a verdict on it would be noise.
   */
  static final Quantity P99 = new Quantity("latency.p99", Unit.MILLISECONDS, Direction.NEITHER,
      "the 99th percentile of the chunk latencies: the slow chunks a live stream waits for");
  static final Quantity REAL_TIME_FACTOR = new Quantity("real_time_factor", new Unit("x"), Direction.LOWER_IS_BETTER,
      "compute time of a chunk over the chunk's audio: below 1 keeps up with a live stream (median over the runs)");
  static final Quantity STATE = new Quantity("state_memory", Unit.BYTES, Direction.LOWER_IS_BETTER,
      "the bytes of the state carried from chunk to chunk (attention's key and value cache, SummaryMixing's "
          + "running sums, the convolutions' last frames)");
  private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("streaming", "Streaming",
      List.of(P90, P99, REAL_TIME_FACTOR, STATE), true,
      "for the streaming mode: chunk latency p90 and p99, real-time factor (chunk compute / chunk audio) and the "
          + "state's memory");

  @Override
  public MetricDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public boolean appliesTo(MeasurementPoint point) {
    return point.mode() == Mode.STREAMING && point.batch() == 1;
  }

  @Override
  public List<Measurement> measure(MeasurementContext context) {
    MeasurementContext.Stream stream = context.streaming().orElseThrow(() -> new IllegalStateException(
        context.point().variantId() + " built no stream state for the streaming mode"));
    double[] millis = context.timedSteps().stream().mapToDouble(d -> d.toNanos() / 1e6).toArray();
    double[] factors = Arrays.stream(millis).map(ms -> ms / 1000 / stream.chunkSeconds()).toArray();
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return List.of(
        new Measurement(P90, Summary.single(Summary.quantile(sorted, 0.9), millis.length)),
        new Measurement(P99, Summary.single(Summary.quantile(sorted, 0.99), millis.length)),
        Measurement.ofRuns(REAL_TIME_FACTOR, factors),
        new Measurement(STATE, Summary.single(stream.stateBytes(), 1)));
  }
}
