package attnprof.engine.internal.plan;

import attnprof.engine.internal.FakeProviders;
import attnprof.engine.internal.point.Point;
import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Modality;
import attnprof.api.input.InputBatch;
import attnprof.api.input.InputDescriptor;
import attnprof.api.input.InputGenerator;
import attnprof.api.input.InputRequest;
import attnprof.api.input.LoadedInput;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.engine.Profiler;
import attnprof.engine.request.SweepRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;

/** The lengths a sweep given none measures: each family's baseline's grid, else the modality's. */
class SweepPlannerTest {
  private static final List<Double> MODALITY_GRID = List.of(2.0, 4.0);
  private static final List<Double> FAMILY_GRID = List.of(10.0, 20.0, 80.0);

  @Test
  void aFamilyWhoseBaselineDeclaresAGridIsMeasuredOnItAndTheOthersOnTheModalitys() {
    Profiler profiler = Profiler.builder()
        .addProvider(FakeProviders.variant("grid/vanilla", "", "grid", List.of()))
        .addProvider(FakeProviders.variant("grid/efficient", "grid/vanilla", "grid", List.of()))
        .addProvider(FakeProviders.variant("grid/long-vanilla", "", "grid", FAMILY_GRID))
        .addProvider(FakeProviders.variant("grid/long-efficient", "grid/long-vanilla", "grid", List.of()))
        .addProvider(FakeProviders.inputs("grid", "seconds", false, MODALITY_GRID)).build();
    SweepPlanner planner = new SweepPlanner(profiler.registry());

    SweepPlan plan = planner.plan(SweepRequest.builder().modality("grid").preset("tiny").metrics("latency")
        .modes(attnprof.api.Mode.INFERENCE).build());

    assertThat(lengthsOf(plan, "grid/vanilla")).containsExactlyElementsOf(MODALITY_GRID);
    assertThat(lengthsOf(plan, "grid/efficient")).containsExactlyElementsOf(MODALITY_GRID);
    assertThat(lengthsOf(plan, "grid/long-vanilla")).containsExactlyElementsOf(FAMILY_GRID);
    assertThat(lengthsOf(plan, "grid/long-efficient")).containsExactlyElementsOf(FAMILY_GRID);
  }

  @Test
  void lengthsTheUserGivesWinOverEveryGrid() {
    Profiler profiler = oneLongVariant();

    SweepPlan plan = new SweepPlanner(profiler.registry()).plan(SweepRequest.builder().modality("grid")
        .preset("tiny").metrics("latency").modes(attnprof.api.Mode.INFERENCE).lengths(3).build());

    assertThat(lengthsOf(plan, "grid/long-vanilla")).containsExactly(3.0);
  }

  @Test
  void aPointGivenTwiceIsPlannedOnce() {
    Profiler profiler = oneLongVariant();

    SweepPlan plan = new SweepPlanner(profiler.registry()).plan(SweepRequest.builder().modality("grid")
        .variants("grid/long-vanilla", "grid/long-vanilla").preset("tiny").metrics("latency", "latency")
        .modes(attnprof.api.Mode.INFERENCE, attnprof.api.Mode.INFERENCE).lengths(64, 64.0, 3).build());

    assertThat(plan.points()).extracting(Point::length).containsExactly(3.0, 64.0);
  }

  @Test
  void inputsMustBeRegularFiles(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
    Profiler profiler = oneLongVariant();
    SweepPlanner planner = new SweepPlanner(profiler.registry());
    Path pipe = folder.resolve("pipe");
    new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();

    for (Path input : List.of(Path.of("/dev/zero"), pipe, folder)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> planner.plan(SweepRequest.builder().modality("grid")
              .preset("tiny").metrics("latency").modes(attnprof.api.Mode.INFERENCE).inputs(List.of(input)).build()))
          .as(input.toString())
          .isInstanceOf(attnprof.api.ProfilerException.class)
          .hasMessageContaining("is not a regular file");
    }
  }

  private static List<Double> lengthsOf(SweepPlan plan, String variant) {
    return List.copyOf(new TreeSet<>(plan.points().stream().filter(j -> j.variant().equals(variant))
        .map(Point::length).toList()));
  }

  /** A profiler with one variant whose family has its own grid, and the modality's inputs. */
  private static Profiler oneLongVariant() {
    return Profiler.builder()
        .addProvider(FakeProviders.variant("grid/long-vanilla", "", "grid", FAMILY_GRID))
        .addProvider(FakeProviders.inputs("grid", "seconds", false, MODALITY_GRID)).build();
  }
}
