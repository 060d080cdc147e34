package org.opencs.tn3270.datastream;

/**
 * One field of a screen, in the spirit of go3270: where it starts (row and column of its first character, 0-based;
 * the attribute byte sits just before it), what it shows, how it behaves (protected, numeric, hidden, intensified,
 * its colour and extended highlighting), and a name when it takes input.
 */
public record Field(int row, int column, String content, boolean write, boolean numeric, boolean hidden,
                    boolean intense, int length, String name, Color color, Highlight highlight) {

    public Field(int row, int column, String content, boolean write, boolean numeric, boolean hidden, boolean intense,
                 int length, String name) {
        this(row, column, content, write, numeric, hidden, intense, length, name, Color.DEFAULT, Highlight.DEFAULT);
    }

    public Field(int row, int column, String content, boolean write, boolean numeric, boolean hidden, boolean intense,
                 int length, String name, Color color) {
        this(row, column, content, write, numeric, hidden, intense, length, name, color, Highlight.DEFAULT);
    }

    /** The same field in {@code color} (shown on terminals with extended attributes). */
    public Field withColor(Color color) {
        return new Field(row, column, content, write, numeric, hidden, intense, length, name, color, highlight);
    }

    /** The same field with extended highlighting {@code highlight} (shown on terminals with extended attributes). */
    public Field withHighlight(Highlight highlight) {
        return new Field(row, column, content, write, numeric, hidden, intense, length, name, color, highlight);
    }

    /** Protected text. */
    public static Field text(int row, int column, String content) {
        return new Field(row, column, content, false, false, false, false, content.length(), null);
    }

    /** Bright protected text. */
    public static Field title(int row, int column, String content) {
        return new Field(row, column, content, false, false, false, true, content.length(), null);
    }

    /** An input field of {@code length} characters. */
    public static Field input(int row, int column, int length, String name, String initial) {
        return new Field(row, column, initial, true, false, false, false, length, name);
    }

    /** An input field whose content is not displayed (passwords). */
    public static Field hiddenInput(int row, int column, int length, String name) {
        return new Field(row, column, "", true, false, true, false, length, name);
    }

    /** The field attribute byte, before the 6-bit code table. */
    int attributeBits() {
        int bits = 0;
        if (!write) {
            bits |= 0x20;
        }
        if (numeric) {
            bits |= 0x10;
        }
        if (hidden) {
            bits |= 0x0C;
        } else if (intense) {
            bits |= 0x08;
        }
        return bits;
    }
}
