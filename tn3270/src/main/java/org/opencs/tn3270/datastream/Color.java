package org.opencs.tn3270.datastream;

/**
 * The 3270 colours (extended attribute type x'42', foreground colour): x'F1' blue, x'F2' red, x'F3' pink, x'F4' green,
 * x'F5' turquoise, x'F6' yellow, x'F7' white, x'F0' neutral; x'00' (DEFAULT) leaves the colour to the terminal
 * (IBM 3270 Data Stream Programmer's Reference GA23-0059, "Color"; the same table in the Tandem EM3270 manual,
 * table E-1, https://www.manualshelf.com/manual/hp/hp-nonstop-g-series/em3270-manual/page-134.html). Only terminals
 * with extended attributes (the -E types, 3279s, IBM-DYNAMIC) get colours: a basic 3278 would reject the Start Field
 * Extended order that carries them.
 */
public enum Color {
    DEFAULT(0x00), BLUE(0xF1), RED(0xF2), PINK(0xF3), GREEN(0xF4), TURQUOISE(0xF5), YELLOW(0xF6), WHITE(0xF7),
    /** Neutral: white on a display, black on a printer (x3270's "neutral white" default foreground). */
    NEUTRAL(0xF0);

    public final int code;

    Color(int code) {
        this.code = code;
    }

    /**
     * The colour of attribute value {@code code}; x'00' and the values this terminal does not show (x'F8'..x'FF', the
     * 16-colour extension) are DEFAULT, as a 3279 shows a field whose colour it does not have in its default colour.
     */
    public static Color of(int code) {
        for (Color c : values()) {
            if (c.code == (code & 0xFF)) {
                return c;
            }
        }
        return DEFAULT;
    }
}
