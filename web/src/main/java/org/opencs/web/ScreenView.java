package org.opencs.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencs.tn3270.client.TerminalBuffer;
import org.opencs.tn3270.datastream.Highlight;

/**
 * What the browser draws of a 3270 screen (sent as JSON over the terminal's WebSocket): its size, the cursor's buffer
 * address, the OIA facts (keyboard locked, LU name, TLS) and, per row, segments of text that share one field's look.
 * A segment of an unprotected field is an input of {@code length} positions at buffer {@code address}; its text has
 * no trailing blanks (nulls and blanks look alike). Hidden (non-display) fields carry no text. Attribute positions
 * are protected blanks. Every segment has the colour it is shown in ({@code color}: blue, red, pink, green, turquoise,
 * yellow, white or neutral; a field without a colour gets the one a 3279 gives it, see {@link TerminalBuffer.Cell})
 * and its extended highlighting ({@code highlight}: blink, reverse, underscore or none). Protected text splits into
 * segments where the colour or highlighting changes (SA); an input is one segment with its first position's look.
 */
public record ScreenView(String type, int rows, int cols, int cursor, boolean keyboardLocked, String lu, boolean secure,
                         List<List<Segment>> lines) {
    /** One run of positions in a row with the same field and look. */
    public record Segment(String text, int address, int length, boolean input, boolean intensified, boolean hidden,
                          String color, String highlight) {
    }

    /** The view of {@code screen} (the caller holds the client's lock) with the OIA facts. */
    public static ScreenView of(TerminalBuffer screen, String lu, boolean secure) {
        int rows = screen.size().rows();
        int cols = screen.size().columns();
        String[] text = screen.text();
        List<List<Segment>> lines = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Segment> row = new ArrayList<>();
            int c = 0;
            while (c < cols) {
                int start = c;
                TerminalBuffer.Cell cell = screen.cell(r * cols + c);
                c++;
                while (c < cols && same(cell, screen.cell(r * cols + c), !cell.protectedField())) {
                    c++;
                }
                boolean input = !cell.protectedField();
                String segment = text[r].substring(start, c);
                if (input) {
                    segment = segment.stripTrailing();
                }
                row.add(new Segment(cell.hidden() ? "" : segment, r * cols + start, c - start, input,
                        cell.intensified(), cell.hidden(), cell.color().name().toLowerCase(Locale.ROOT),
                        highlight(cell.highlight())));
            }
            lines.add(row);
        }
        return new ScreenView("screen", rows, cols, screen.cursor(), screen.keyboardLocked(), lu == null ? "" : lu, secure,
                List.copyOf(lines));
    }

    /** {@code input}: the run is an input field, which stays one segment whatever its characters' look. */
    private static boolean same(TerminalBuffer.Cell a, TerminalBuffer.Cell b, boolean input) {
        return a.fieldStart() == b.fieldStart() && a.attributePosition() == b.attributePosition()
                && !b.attributePosition()
                && (input || (a.color() == b.color() && a.highlight() == b.highlight()));
    }

    /** blink, reverse, underscore, or none (default and normal). */
    static String highlight(Highlight highlight) {
        return switch (highlight) {
            case BLINK -> "blink";
            case REVERSE -> "reverse";
            case UNDERSCORE -> "underscore";
            case DEFAULT, NORMAL -> "none";
        };
    }
}
