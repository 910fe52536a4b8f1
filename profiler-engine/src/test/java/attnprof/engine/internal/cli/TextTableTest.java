package attnprof.engine.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static int widest(String text) {
    return Arrays.stream(text.split("\n")).mapToInt(line -> line.codePointCount(0, line.length())).max().orElse(0);
  }

  @Test
  void aTableThatFitsKeepsEachColumnAsWideAsItsWidestCell() {
    String table = new TextTable("ID", "WHAT").prose(1).row("a", "short").row("bb", "longer text").render(100);

    assertThat(table).isEqualTo("""
        ID  WHAT
        --  -----------
        a   short
        bb  longer text
        """);
  }

  @Test
  void proseWrapsAtSpacesWhenTheTableIsTooWide() {
    String what = "the bytes the model keeps between steps plus the peak its traced step allocates";
    String table = new TextTable("METRIC", "WHAT", "BATCH").prose(1).row("peak-memory", what, "any").render(60);

    assertThat(widest(table)).isLessThanOrEqualTo(60);
    // every word is kept, in order, and the lines after the row's first leave the other columns blank
    assertThat(table.lines().skip(2).map(line -> line.substring(13).replace(" any", "").strip())
        .reduce((a, b) -> a + " " + b).orElseThrow()).isEqualTo(what);
    assertThat(table.lines().skip(3)).allMatch(line -> line.startsWith(" ".repeat(13)));
  }

  @Test
  void aLastProseColumnThatWouldBeNarrowGoesUnderItsRow() {
    String how = "worse at 53, better from 54 tokens on; indistinguishable at 32-64 tokens";
    String table = new TextTable("VARIANT", "METRIC", "TIPPING POINT", "HOW").prose(2, 3)
        .row("text/nystromformer", "peak_memory.allocator", "53 tokens (95%: 47-62)", how).render(80);

    assertThat(widest(table)).isLessThanOrEqualTo(80);
    assertThat(table).startsWith("VARIANT             METRIC                 TIPPING POINT\n")
        .contains("text/nystromformer  peak_memory.allocator  53 tokens (95%: 47-62)\n    how: worse at 53");
    assertThat(table.replaceAll("\\s+", " ")).contains(how);
  }

  @Test
  void aWideTableOfFiguresIsPrintedInBlocksThatRepeatTheFirstColumn() {
    String[] header = new String[13];
    Object[] row = new Object[13];
    header[0] = "VARIANT";
    row[0] = "text/nystromformer";
    for (int i = 1; i < header.length; i++) {
      header[i] = (32 * i) + " tokens";
      row[i] = "1.0" + i + " ms";
    }
    String table = new TextTable(header).repeatingFirst(1).row(row).render(80);

    assertThat(widest(table)).isLessThanOrEqualTo(80);
    String[] blocks = table.split("\n\n");
    assertThat(blocks.length).isGreaterThan(1);
    assertThat(blocks).allMatch(block -> block.startsWith("VARIANT") && block.contains("text/nystromformer"));
    for (int i = 1; i < header.length; i++) {
      assertThat(java.util.regex.Pattern.compile("(?<![0-9])" + (32 * i) + " tokens").matcher(table).results())
          .hasSize(1);
      assertThat(java.util.regex.Pattern.compile("1\\.0" + i + " ms").matcher(table).results()).hasSize(1);
    }
  }

  @Test
  void aTerminalNarrowerThanTheTablesMinimumGetsTheMinimum() {
    String table = new TextTable("VARIANT", "BASELINE").row("speech/brq-summarymixing", "speech/brq-mhsa").render(20);

    assertThat(table).contains("speech/brq-summarymixing  speech/brq-mhsa");
  }

  @Test
  void messagesWrapWithTheirContinuationIndented() {
    String message = "results: /tmp/run (results.csv, results.json, charts/, index.html); database: /tmp/run/attnprof.db";

    String fitted = Terminal.fit(message, 50);

    assertThat(widest(fitted)).isLessThanOrEqualTo(50);
    assertThat(fitted.lines().skip(1)).allMatch(line -> line.startsWith("  "));
    assertThat(fitted.replaceAll("\\s+", " ")).isEqualTo(message);
    assertThat(Terminal.wrap("a-word-longer-than-the-line", 10)).containsExactly("a-word-lon", "ger-than-t", "he-line");
    // an indented message keeps its indentation, its continuation two spaces more
    assertThat(Terminal.fit("  paper: " + "word ".repeat(12).strip(), 30)).isEqualTo(
        "  paper: word word word word\n" + "    word word word word word\n" + "    word word word");
  }
}
