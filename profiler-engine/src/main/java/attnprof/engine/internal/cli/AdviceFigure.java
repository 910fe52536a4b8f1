package attnprof.engine.internal.cli;

/**
 * One figure of the advice, the CSV's row (long form: one figure a row, as a data frame melts it).
 *
 * @param subject the model, or {@code routing}
 * @param figure {@code per_sample}, {@code total} or {@code largest}, {@code at_median}, {@code ratio_at_median}, {@code threshold},
 *     {@code saving_vs_baseline}, {@code saving_vs_variant}, {@code share_beyond_tipping}
 */
public record AdviceFigure(String variant, String baseline, String metric, String mode, int batch, String input,
    String subject, String figure, double value, double low, double high, String unit) {
}
