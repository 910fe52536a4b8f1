package attnprof.engine.internal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import attnprof.api.metric.Unit;
import attnprof.engine.result.ForkResult;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointSpec;
import attnprof.engine.result.PointStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkMergeTest {
  private static final PointSpec SPEC = new PointSpec("text/bert", "", "text", "tiny", Map.of(), "synthetic", 64,
      "tokens", 1, Mode.INFERENCE, "cpu", false);
  private static final Quantity FLOPS = new Quantity("flops.forward", Unit.FLOPS, Direction.LOWER_IS_BETTER, "flops");

  private static PointResult shared() {
    PointResult measured = new PointResult(SPEC, PointStatus.OK, List.of(new Measurement(FLOPS,
        Summary.single(1e6, 1))), 10, List.of(), "", 1.0, List.of());
    return ForkMerge.add(null, new ForkMerge.Measured(0, "p-f1", measured, 1000));
  }

  @Test
  void anOwnProcessThatCouldNotStartLeavesNoForkAndNoNoteSoThatTheStepIsStillToTake() {
    PointResult merged = ForkMerge.add(shared(), new ForkMerge.Measured(ForkResult.OWN_PROCESS, "p-own-0",
        PointResult.failed(SPEC, PointStatus.NOT_RUN, "could not start the measuring process: denied", 0), 2000));

    assertThat(merged.status()).isEqualTo(PointStatus.OK);
    assertThat(merged.forks()).extracting(ForkResult::replicate).containsExactly(0);
    assertThat(merged.notes()).isEmpty();
    assertThat(merged.measurement("flops.forward")).isPresent();
  }

  @Test
  void anOwnProcessThatFailedIsAStepTakenWithoutMeasurementsAndANote() {
    PointResult merged = ForkMerge.add(shared(), new ForkMerge.Measured(ForkResult.OWN_PROCESS, "p-own-0",
        PointResult.failed(SPEC, PointStatus.OOM, "killed", 3), 2000));

    assertThat(merged.status()).isEqualTo(PointStatus.OK);
    assertThat(merged.forks()).extracting(ForkResult::replicate).containsExactly(0, ForkResult.OWN_PROCESS);
    assertThat(merged.forks().get(1).measurements()).isEmpty();
    assertThat(merged.notes()).containsExactly("fork p-own-0 ended oom: killed");
    assertThat(merged.measurement("flops.forward").orElseThrow().summary().median()).isEqualTo(1e6);
  }
}
