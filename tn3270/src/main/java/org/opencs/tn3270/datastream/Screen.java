package org.opencs.tn3270.datastream;

import java.util.List;

/**
 * A screen as an application describes it: fields, where the cursor goes, and the screen size (24x80 unless a
 * larger model was negotiated and the application asks for it).
 */
public record Screen(List<Field> fields, int cursorRow, int cursorColumn, int rows, int columns) {
    public Screen {
        fields = List.copyOf(fields);
    }

    public static Screen of(List<Field> fields, int cursorRow, int cursorColumn) {
        return new Screen(fields, cursorRow, cursorColumn, 24, 80);
    }

    /** A screen of the terminal's alternate size (sent with Erase/Write Alternate when that is not 24x80). */
    public static Screen of(List<Field> fields, int cursorRow, int cursorColumn, ScreenSize size) {
        return new Screen(fields, cursorRow, cursorColumn, size.rows(), size.columns());
    }

    public ScreenSize size() {
        return new ScreenSize(rows, columns);
    }

    int address(int row, int column) {
        return row * columns + column;
    }
}
