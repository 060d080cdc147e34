package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * Text broken into rows of a screen's width, as TSO's line mode and ISPF's long messages show it: at a blank where
 * there is one, inside a word only when the word alone is wider than the row. Nothing is cut off, so a message or a
 * line of command output never runs past the screen's edge into the next field or row.
 */
final class Wrap {
    private Wrap() {
    }

    /** {@code text} in rows of at most {@code width} characters (at least one row, empty for empty text). */
    static List<String> lines(String text, int width) {
        List<String> rows = new ArrayList<>();
        String rest = text.stripTrailing();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0 || rest.substring(0, cut).isBlank()) {
                cut = width; // one word wider than the row: broken where the row ends
            }
            rows.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        rows.add(rest);
        return rows;
    }

    /** Each of {@code lines} broken into rows of at most {@code width} characters, in order. */
    static List<String> all(List<String> lines, int width) {
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            rows.addAll(lines(line, width));
        }
        return rows;
    }
}
