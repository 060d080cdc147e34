package org.opencs.tn3270.datastream;

/**
 * 3270 extended highlighting (extended attribute type x'41'): x'F1' blink, x'F2' reverse video, x'F4' underscore,
 * x'F0' normal (none); x'00' (DEFAULT) leaves it to the field (IBM 3270 Data Stream Programmer's Reference GA23-0059,
 * "Extended Highlighting"; the Tandem EM3270 manual's table E-1,
 * https://www.manualshelf.com/manual/hp/hp-nonstop-g-series/em3270-manual/page-134.html).
 */
public enum Highlight {
    DEFAULT(0x00), NORMAL(0xF0), BLINK(0xF1), REVERSE(0xF2), UNDERSCORE(0xF4);

    public final int code;

    Highlight(int code) {
        this.code = code;
    }

    /** The highlighting of attribute value {@code code}; x'00' and values a 3278 does not show (x'F8') are DEFAULT. */
    public static Highlight of(int code) {
        for (Highlight h : values()) {
            if (h.code == (code & 0xFF)) {
                return h;
            }
        }
        return DEFAULT;
    }
}
