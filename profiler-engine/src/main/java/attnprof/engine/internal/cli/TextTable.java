package attnprof.engine.internal.cli;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A plain-text table that fits the terminal. Columns are as wide as their widest cell while the table
 * fits; when it does not, the columns marked as prose wrap at spaces (down to a readable width), a last
 * prose column that still does not fit, or would be narrow, goes under each row instead, and a wide table of figures is
 * printed in blocks of columns, each repeating the first ones. A table whose narrowest form is wider
 * than the terminal is printed in that form.
 */
final class TextTable {
  /** How narrow a prose column may become: about three words. */
  private static final int NARROWEST_PROSE = 20;
  /** A last prose column narrower than this (and than its text) reads better under its row. */
  private static final int NARROWEST_LAST = 40;
  private static final String GAP = "  ";
  private static final String NOTE_INDENT = "    ";

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final BitSet prose = new BitSet();
  private int repeated;

  TextTable(String... header) {
    this.header = List.of(header);
  }

  /** Marks columns (by index) as prose: they wrap at spaces when the table is too wide. */
  TextTable prose(int... columns) {
    for (int column : columns) {
      prose.set(column);
    }
    return this;
  }

  /** When too wide, prints the table in blocks of columns, each block starting with the first {@code columns}. */
  TextTable repeatingFirst(int columns) {
    repeated = columns;
    return this;
  }

  TextTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "" : String.valueOf(cell));
    }
    while (row.size() < header.size()) {
      row.add("");
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table fitted to {@link Terminal#columns()}. */
  String render() {
    return render(Terminal.columns());
  }

  String render(int width) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      columns.add(i);
    }
    int[] widths = fitted(columns, width);
    int note = -1;
    int last = header.size() - 1;
    if (last > 0 && prose.get(last) && (total(columns, widths) > width
        || widths[last] < Math.min(NARROWEST_LAST, natural(last)))) {
      note = last;
      columns.remove(Integer.valueOf(last));
      widths = fitted(columns, width);
    }
    StringBuilder text = new StringBuilder();
    List<List<Integer>> blocks = blocks(columns, widths, width);
    for (int b = 0; b < blocks.size(); b++) {
      if (b > 0) {
        text.append('\n');
      }
      render(text, blocks.get(b), widths, note, width);
    }
    return text.toString();
  }

  /** Each column's width: its widest cell, prose columns narrowed (widest first) until the table fits. */
  private int[] fitted(List<Integer> columns, int width) {
    int[] widths = new int[header.size()];
    for (int column : columns) {
      widths[column] = natural(column);
    }
    int excess = total(columns, widths) - width;
    while (excess > 0) {
      int widest = -1;
      for (int column : columns) {
        if (prose.get(column) && widths[column] > narrowest(column) && (widest < 0 || widths[column] > widths[widest])) {
          widest = column;
        }
      }
      if (widest < 0) {
        break;
      }
      widths[widest]--;
      excess--;
    }
    return widths;
  }

  private int natural(int column) {
    int natural = header.get(column).length();
    for (List<String> row : rows) {
      natural = Math.max(natural, row.get(column).length());
    }
    return natural;
  }

  private int narrowest(int column) {
    return Math.max(header.get(column).length(), NARROWEST_PROSE);
  }

  private static int total(List<Integer> columns, int[] widths) {
    int total = GAP.length() * Math.max(0, columns.size() - 1);
    for (int column : columns) {
      total += widths[column];
    }
    return total;
  }

  /** The columns in one block when they fit, else in blocks that each repeat the first columns. */
  private List<List<Integer>> blocks(List<Integer> columns, int[] widths, int width) {
    if (repeated <= 0 || repeated >= columns.size() || total(columns, widths) <= width) {
      return List.of(columns);
    }
    List<Integer> first = columns.subList(0, repeated);
    List<List<Integer>> blocks = new ArrayList<>();
    List<Integer> block = new ArrayList<>(first);
    for (int column : columns.subList(repeated, columns.size())) {
      block.add(column);
      if (block.size() > repeated + 1 && total(block, widths) > width) {
        block.remove(block.size() - 1);
        blocks.add(block);
        block = new ArrayList<>(first);
        block.add(column);
      }
    }
    blocks.add(block);
    return blocks;
  }

  private void render(StringBuilder text, List<Integer> columns, int[] widths, int note, int width) {
    line(text, header, columns, widths);
    List<String> rule = new ArrayList<>();
    for (int column = 0; column < header.size(); column++) {
      rule.add("-".repeat(widths[column]));
    }
    line(text, rule, columns, widths);
    for (List<String> row : rows) {
      line(text, row, columns, widths);
      if (note >= 0 && !row.get(note).isEmpty()) {
        String label = header.get(note).toLowerCase(java.util.Locale.ROOT) + ": ";
        for (String part : Terminal.wrap(label + row.get(note), width - NOTE_INDENT.length())) {
          text.append(NOTE_INDENT).append(part).append('\n');
        }
      }
    }
  }

  /** One row, as many lines as its most wrapped cell needs. */
  private static void line(StringBuilder text, List<String> cells, List<Integer> columns, int[] widths) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int column : columns) {
      String cell = cells.get(column);
      List<String> parts = cell.length() <= widths[column] ? List.of(cell) : Terminal.wrap(cell, widths[column]);
      wrapped.add(parts);
      height = Math.max(height, parts.size());
    }
    for (int part = 0; part < height; part++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        List<String> parts = wrapped.get(i);
        String piece = part < parts.size() ? parts.get(part) : "";
        line.append(i == 0 ? "" : GAP).append(piece).append(" ".repeat(widths[columns.get(i)] - piece.length()));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
