package attnprof.engine.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void valuesKeepThreeSignificantDigitsEvenWhenSmall() {
    assertThat(Formats.significant(812.4)).isEqualTo("812");
    assertThat(Formats.significant(40.64)).isEqualTo("40.6");
    assertThat(Formats.significant(0.954)).isEqualTo("0.95");
    // a real-time factor of a fast chunk: two decimals would print 0.01 for both
    assertThat(Formats.significant(0.011436)).isEqualTo("0.0114");
    assertThat(Formats.significant(0.0157)).isEqualTo("0.0157");
    assertThat(Formats.significant(0)).isEqualTo("0.00");
  }

  @Test
  void lengthsReadOneWayPerUnit() {
    assertThat(attnprof.engine.result.Lengths.format(406.6, "tokens")).isEqualTo("407 tokens");
    assertThat(attnprof.engine.result.Lengths.format(224, "pixels")).isEqualTo("224 pixels");
    assertThat(attnprof.engine.result.Lengths.format(1.28, "seconds")).isEqualTo("1.3 seconds");
    assertThat(Formats.mode("streaming")).isEqualTo("streaming (lengths: left context)");
    assertThat(Formats.mode("inference")).isEqualTo("inference");
  }
}
