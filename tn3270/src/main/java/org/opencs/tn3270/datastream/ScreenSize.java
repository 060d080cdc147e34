package org.opencs.tn3270.datastream;

import java.util.Locale;

/**
 * A 3270 screen's rows and columns. Every terminal has the default 24x80 (Erase/Write); its alternate size (Erase/Write
 * Alternate) follows from the model in the terminal type (IBM-3278-3 32x80, -4 43x80, -5 27x132) or, for IBM-DYNAMIC,
 * from the terminal's query reply.
 */
public record ScreenSize(int rows, int columns) {
    public static final ScreenSize DEFAULT = new ScreenSize(24, 80);
    /** 14-bit buffer addresses reach 16,383: no 3270 buffer is larger. */
    public static final int MAX_POSITIONS = 16_384;

    public ScreenSize {
        if (rows < 24 || columns < 80 || rows * columns > MAX_POSITIONS) {
            throw new IllegalArgumentException("screen size " + rows + "x" + columns + " is not a 3270 size (at least "
                    + "24x80, at most " + MAX_POSITIONS + " positions)");
        }
    }

    /** The alternate size a terminal type names; IBM-DYNAMIC (and unknown models) say nothing: the default. */
    public static ScreenSize alternateOf(String terminalType) {
        String type = terminalType == null ? "" : terminalType.toUpperCase(Locale.ROOT);
        if (!type.startsWith("IBM-327")) {
            return DEFAULT;
        }
        String model = type.length() > 9 ? type.substring(9, 10) : "2";
        return switch (model) {
            case "3" -> new ScreenSize(32, 80);
            case "4" -> new ScreenSize(43, 80);
            case "5" -> new ScreenSize(27, 132);
            default -> DEFAULT;
        };
    }

    public int positions() {
        return rows * columns;
    }

    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}
