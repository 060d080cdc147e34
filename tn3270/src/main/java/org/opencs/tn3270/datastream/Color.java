package org.opencs.tn3270.datastream;

/**
 * The seven 3270 colours (extended attribute x'42'); DEFAULT leaves the colour to the terminal. Only terminals with
 * extended attributes (the -E types, 3279s, IBM-DYNAMIC) get colours: a basic 3278 would reject the Start Field
 * Extended order that carries them.
 */
public enum Color {
    DEFAULT(0x00), BLUE(0xF1), RED(0xF2), PINK(0xF3), GREEN(0xF4), TURQUOISE(0xF5), YELLOW(0xF6), WHITE(0xF7);

    public final int code;

    Color(int code) {
        this.code = code;
    }
}
