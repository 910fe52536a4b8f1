package attnprof.engine.result;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run kept in a results database, as {@code attnprof runs} lists it.
 *
 * @param runId its id
 * @param startedAt when it started
 * @param finishedAt when its latest point was stored
 * @param complete whether every planned point is stored
 * @param planned the points it planned
 * @param stored the points stored
 * @param variants the variants it asked for (empty: every variant of {@code modality})
 * @param modality its modality
 * @param preset its preset
 * @param device its device
 * @param outputDirectory its results folder, or null
 * @param problem why the run cannot be read (its stored request damaged or edited), else empty
 */
public record StoredRunSummary(String runId, Instant startedAt, Instant finishedAt, boolean complete, int planned,
    int stored, List<String> variants, String modality, String preset, String device, Path outputDirectory,
    String problem) {
}
