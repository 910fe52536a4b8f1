package attnprof.engine.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.device.DeviceAdapter;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.MeasurementContext;
import attnprof.api.metric.MeasurementPoint;
import attnprof.api.metric.NodeStats;
import attnprof.api.metric.StepTrace;
import attnprof.api.model.Component;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/** The breakdown reads each component's median over the traced steps, so a pause in one step moves nothing. */
class BreakdownMetricTest {

  @Test
  void eachComponentIsItsMedianOverTheStepsAndTheSharesAddUp() {
    // three steps of an attention op and a feed-forward op, one after the other; the second step paused
    // 50 ms inside its attention op, the third ran the feed-forward op slower
    List<StepTrace> steps = List.of(step(10_000, 20_000), step(60_000, 21_000), step(11_000, 26_000));

    Map<String, Measurement> read = new BreakdownMetric().measure(context(steps)).stream()
        .collect(Collectors.toMap(m -> m.quantity().id(), m -> m));

    assertThat(read.get("breakdown.attention").summary().median()).isEqualTo(11.0);
    assertThat(read.get("breakdown.attention").summary().runs()).isEqualTo(3);
    assertThat(read.get("breakdown.attention").summary().p90()).isGreaterThan(40.0);
    assertThat(read.get("breakdown.attention").runs()).containsExactly(10.0, 60.0, 11.0);
    assertThat(read.get("breakdown.feed_forward").summary().median()).isEqualTo(21.0);
    assertThat(read.get("breakdown.attention.share").summary().median()).isCloseTo(100 * 11.0 / 32, within());
    assertThat(read.get("breakdown.feed_forward.share").summary().median()).isCloseTo(100 * 21.0 / 32, within());
    assertThat(read.get("breakdown.other").summary().median()).isZero();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static StepTrace step(long attentionMicros, long feedForwardMicros) {
    return new StepTrace(List.of(
        new NodeStats("layer_0/attention/MatMul", "cpu", 0, attentionMicros, List.of(), 0),
        new NodeStats("layer_0/feed_forward/MatMul", "cpu", attentionMicros, feedForwardMicros, List.of(), 0)),
        attentionMicros + feedForwardMicros);
  }

  private static MeasurementContext context(List<StepTrace> steps) {
    return new MeasurementContext() {
      @Override
      public List<StepTrace> tracedStepsOneOpAtATime() {
        return steps;
      }

      @Override
      public Optional<Component> componentOf(String nodeName) {
        return Optional.of(nodeName.contains("attention") ? Component.ATTENTION : Component.FEED_FORWARD);
      }

      @Override
      public MeasurementPoint point() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int runs() {
        return 1;
      }

      @Override
      public int warmup() {
        return 0;
      }

      @Override
      public List<Duration> timedSteps() {
        throw new UnsupportedOperationException();
      }

      @Override
      public StepTrace tracedStep() {
        throw new UnsupportedOperationException("the breakdown reads the steps traced one op at a time");
      }

      @Override
      public long residentHighWaterBytes() {
        return -1;
      }

      @Override
      public DeviceAdapter device() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Graph graph() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Set<GraphOperation> stepOperations() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
