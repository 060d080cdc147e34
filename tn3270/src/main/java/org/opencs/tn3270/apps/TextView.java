package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * Lines of text to scroll through, as ISPF's BROWSE shows them: PF8 forward, PF7 back (a page at a time), PF3 returns
 * to where the user came from. A page is as many lines as the terminal's alternate screen holds (20 on a 24x80
 * model 2, 39 on a 43x80 model 4), lines as wide as its columns. PRINT on the command line sends the lines to the
 * terminal's associated printer.
 */
public final class TextView implements Transaction {
    private final String title;
    private final List<String> lines;
    private final int top;
    private final Transaction back;
    private final Terminal terminal;
    private final String message;

    public TextView(String title, List<String> lines, int top, Transaction back, Terminal terminal) {
        this(title, lines, top, back, terminal, null);
    }

    /**
     * Command output (RACDCERT LIST ...) to scroll through: lines wider than the screen continue on the next row, as
     * TSO's line mode shows them, so nothing of a long distinguished name is lost. (BROWSE of a data set shows each
     * record on one row, as far as the screen is wide, as ISPF does.)
     */
    public static TextView wrapped(String title, List<String> lines, Transaction back, Terminal terminal) {
        return new TextView(title, Wrap.all(lines, terminal.size().columns() - 1), 0, back, terminal);
    }

    private TextView(String title, List<String> lines, int top, Transaction back, Terminal terminal, String message) {
        this.terminal = terminal;
        this.message = message;
        this.title = title;
        this.lines = List.copyOf(lines);
        this.top = Math.max(0, Math.min(top, Math.max(0, lines.size() - 1)));
        this.back = back;
    }

    @Override
    public Screen screen() {
        List<Field> fields = new ArrayList<>();
        int columns = terminal.size().columns();
        // ISPF shows where the page is on its first rows. The title holds up to a 44-character data set name and an
        // 8-character member; the position goes beside it when both fit, else at the right end of the command row
        // (which the 40-character command field leaves free on any screen of 80 columns or more).
        String position = String.format("Line %08d of %08d", Math.min(top + 1, lines.size()), lines.size());
        if (1 + title.length() + 2 + position.length() <= columns) {
            fields.add(Field.title(0, 1, title));
            fields.add(Field.title(0, columns - position.length(), position));
        } else {
            fields.add(Field.title(0, 1, title));
            fields.add(Field.title(1, columns - position.length(), position));
        }
        fields.add(Field.text(1, 1, "Command ===>"));
        fields.add(Field.input(1, 14, 40, "command", ""));
        if (top == 0) {
            fields.add(Field.title(2, 1, "***************************** Top of Data ******************************"));
        }
        int end = Math.min(lines.size(), top + page());
        int width = terminal.size().columns() - 1;
        for (int i = top; i < end; i++) {
            String line = lines.get(i);
            fields.add(Field.text(3 + i - top, 1, line.length() > width ? line.substring(0, width) : line));
        }
        int messageRow = message == null ? terminal.size().rows() : terminal.size().rows() - 1;
        if (end == lines.size() && 3 + end - top < messageRow) {
            fields.add(Field.title(3 + end - top, 1, "**************************** Bottom of Data ****************************"));
        }
        if (message != null) {
            fields.add(Field.title(messageRow, 1, message));
        }
        return Screen.of(fields, 1, 14, terminal.size());
    }

    /** Lines per page: the rows below the title, command line and top-of-data line, less the bottom row. */
    int page() {
        return terminal.size().rows() - 4;
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        if (aid == Aid.ENTER && values.getOrDefault("command", "").trim().equalsIgnoreCase("PRINT")) {
            return new TextView(title, lines, top, back, terminal, terminal.print(title.trim(), lines));
        }
        return switch (aid) {
            case PF3, PF15 -> back;
            case PF8, PF20 -> new TextView(title, lines, top + page(), back, terminal);
            case PF7, PF19 -> new TextView(title, lines, top - page(), back, terminal);
            default -> this;
        };
    }

    @Override
    public String userid() {
        return back == null ? null : back.userid();
    }
}
