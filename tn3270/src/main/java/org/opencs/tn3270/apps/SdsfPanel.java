package org.opencs.tn3270.apps;

import java.util.List;
import org.opencs.tn3270.datastream.Field;

/**
 * What SDSF's list panels (the ST job list, a job's data sets) share: an NP input column before each row, a page of
 * rows below the headings, the message at the bottom, and the {@code LINE a-b (n)} position on the title line.
 * Source: z/OS SDSF User's Guide, "Understanding the SDSF panels".
 */
final class SdsfPanel {
    private SdsfPanel() {
    }

    /** The message broken into rows of the screen's width (one empty row without a message). */
    static List<String> messageRows(String message, Terminal terminal) {
        return message == null ? List.of("") : Wrap.lines(message, terminal.size().columns() - 2);
    }

    /** Entries per page: the rows from {@code first} down, less the message's rows; at least one. */
    static int page(int first, String message, Terminal terminal) {
        return Math.max(1, terminal.size().rows() - first - messageRows(message, terminal).size());
    }

    /** {@code LINE 1-20 (35)}, or {@code LINE 0-0 (0)} for an empty list. */
    static String position(int top, int end, int size) {
        return size == 0 ? "LINE 0-0 (0)" : "LINE " + (top + 1) + "-" + end + " (" + size + ")";
    }

    /** Rows {@code top} to {@code end - 1} from screen row {@code first}, each after an NP field named np0, np1 ... */
    static void addRows(List<Field> fields, int first, int top, int end, List<String> rows) {
        for (int i = top; i < end; i++) {
            fields.add(Field.input(first + i - top, 1, 3, "np" + (i - top), ""));
            fields.add(Field.text(first + i - top, 5, rows.get(i)));
        }
    }

    /** The message on the screen's last rows, if there is one. */
    static void addMessage(List<Field> fields, String message, Terminal terminal) {
        if (message == null) {
            return;
        }
        List<String> rows = messageRows(message, terminal);
        for (int i = 0; i < rows.size(); i++) {
            fields.add(Field.title(terminal.size().rows() - rows.size() + i, 1, rows.get(i)));
        }
    }
}
