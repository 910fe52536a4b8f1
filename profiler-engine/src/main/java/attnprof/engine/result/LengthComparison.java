package attnprof.engine.result;

/**
 * An efficient variant against its baseline at one length, for one quantity: the ratio of the two and
 * a 95% confidence interval of it, from resampling each measuring process' runs (pairs of runs taken
 * side by side resampled together) and the variance between processes.
 *
 * @param variant the efficient variant
 * @param baseline its baseline
 * @param metric the quantity compared
 * @param mode {@code inference} or {@code training}
 * @param batch the batch size
 * @param input {@code synthetic} or the real input's name
 * @param length the length
 * @param lengthUnit its unit
 * @param ratio the variant's value over the baseline's; infinite or zero when one of them failed
 * @param ciLow the lower end of the ratio's 95% interval
 * @param ciHigh its upper end
 * @param verdict {@code better}, {@code worse} or {@code indistinguishable} (the interval reaches into
 *     1 plus or minus the noise threshold)
 * @param failed which side did not end ok and how, such as {@code variant timeout}; empty when both did
 * @param refinement whether the length was added after the grid to narrow a tipping point down
 */
public record LengthComparison(String variant, String baseline, String metric, String mode, int batch, String input,
    double length, String lengthUnit, double ratio, double ciLow, double ciHigh, String verdict, String failed,
    boolean refinement) {

  public static final String BETTER = "better";
  public static final String WORSE = "worse";
  public static final String INDISTINGUISHABLE = "indistinguishable";
}
