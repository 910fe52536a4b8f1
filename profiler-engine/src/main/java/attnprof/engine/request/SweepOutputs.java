package attnprof.engine.request;

/**
 * Where a sweep writes.
 *
 * @param outputDirectory where to write results as they come (CSV, JSON, logs), or null for none
 * @param traceDirectory where to write one traced step per point as a Chrome trace, or null for none
 * @param database the results database the run is stored in, or null for {@value SweepRequest#DATABASE_FILE_NAME}
 *     in the folder that holds {@code outputDirectory} (no database when both are null)
 */
public record SweepOutputs(java.nio.file.Path outputDirectory, java.nio.file.Path traceDirectory,
    java.nio.file.Path database) {
}
