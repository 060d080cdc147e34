package org.opencs.tn3270.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.BufferAddress;
import org.opencs.tn3270.datastream.Color;
import org.opencs.tn3270.datastream.Highlight;
import org.opencs.tn3270.datastream.Query;
import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The client's model of a 3270 screen: character buffer, field attributes and modified flags, the cursor. It applies
 * outbound writes (W, EW at 24x80, EWA at the model's alternate size, with the orders SF, SFE, SBA, SA, MF, IC, PT, RA,
 * EUA, GE), answers the host's reads (RB, RM, RMA) and Read Partition Query (query replies for its size), takes
 * keystrokes (typing into unprotected fields, Tab), and builds the inbound Read Modified record for an AID.
 *
 * <p>It keeps colour and extended highlighting as a 3279 does (IBM 3270 Data Stream Programmer's Reference
 * GA23-0059, "Extended Field and Character Attributes"): the extended field attributes of SFE and MF (types x'41'
 * highlighting and x'42' colour) at the field's attribute position, and the character attributes of SA per position
 * (SA's values hold for the characters that follow until another SA or the end of the write; SA type x'00' resets
 * them). A character attribute other than default wins over its field's. What a cell shows is in {@link Cell}.
 */
public final class TerminalBuffer {
    private static final int SF = 0x1D;
    private static final int SFE = 0x29;
    private static final int SBA = 0x11;
    private static final int SA = 0x28;
    private static final int MF = 0x2C;
    private static final int IC = 0x13;
    private static final int PT = 0x05;
    private static final int RA = 0x3C;
    private static final int EUA = 0x12;
    private static final int GE = 0x08;

    /** Extended attribute types (SFE, MF, SA): reset all (SA only), the basic field attribute, highlighting, colour. */
    private static final int TYPE_RESET = 0x00;
    private static final int TYPE_3270 = 0xC0;
    private static final int TYPE_HIGHLIGHT = 0x41;
    private static final int TYPE_COLOR = 0x42;

    private static final int READ_BUFFER = 0xF2;
    private static final int READ_MODIFIED = 0xF6;
    private static final int READ_MODIFIED_ALL = 0x6E;

    private final ScreenSize alternate;
    private int rows = 24;
    private int columns = 80;
    private final Charset codePage;
    private final byte[] characters;
    /** -1 where there is no field attribute, else the attribute bits (protected 0x20, hidden 0x0C, MDT 0x01). */
    private final int[] attributes;
    /** Per position: the colour and highlighting codes (x'00' default) of a field attribute or of a character (SA). */
    private final byte[] colors;
    private final byte[] highlights;
    /** Whether any field or character on the screen has a colour of its own (a 3279's extended colour mode). */
    private boolean colorMode;
    private int cursor;
    private boolean keyboardLocked = true;

    /** A 24x80 model 2. */
    public TerminalBuffer(int rows, int columns, Charset codePage) {
        this(new ScreenSize(rows, columns), codePage);
    }

    /** A terminal whose Erase/Write Alternate size is {@code alternate} (43x80 for a model 4). */
    public TerminalBuffer(ScreenSize alternate, Charset codePage) {
        this.alternate = alternate;
        this.codePage = codePage;
        this.characters = new byte[alternate.positions()];
        this.attributes = new int[alternate.positions()];
        this.colors = new byte[alternate.positions()];
        this.highlights = new byte[alternate.positions()];
        Arrays.fill(attributes, -1);
    }

    /** The size the host last erased the screen to (24x80 or the alternate size). */
    public ScreenSize size() {
        return new ScreenSize(rows, columns);
    }

    private int positions() {
        return rows * columns;
    }

    public boolean keyboardLocked() {
        return keyboardLocked;
    }

    /**
     * Applies one outbound 3270 command (its first byte; SNA or local code) with its WCC and orders. Returns what the
     * terminal answers at once: the buffer for Read Buffer, the modified fields for Read Modified (All), query replies
     * for Read Partition Query; null for writes.
     */
    public byte[] write(byte[] stream) {
        if (stream.length == 0) {
            return null;
        }
        int command = stream[0] & 0xFF;
        boolean alternateErase = command == 0x7E || command == 0x0D;
        boolean erase = alternateErase || command == 0xF5 || command == 0x05;
        boolean write = erase || command == 0xF1 || command == 0x01;
        switch (command) {
            case 0x6F, 0x0F -> {
                eraseAllUnprotected();
                keyboardLocked = false;
                return null;
            }
            case READ_BUFFER, 0x02 -> {
                return readBuffer();
            }
            case READ_MODIFIED, 0x06 -> {
                return readModified(Aid.NONE, false);
            }
            case READ_MODIFIED_ALL, 0x0E -> {
                return readModified(Aid.NONE, true);
            }
            case Query.WSF, 0x11 -> {
                return Query.isReadPartitionQuery(stream) || (stream.length >= 6 && stream[3] == Query.READ_PARTITION
                        && (stream[5] & 0xFF) == Query.QUERY) ? Query.replyFor(alternate) : null;
            }
            default -> {
                // a write, below
            }
        }
        if (!write) {
            return null;
        }
        if (erase) {
            rows = alternateErase ? alternate.rows() : 24;
            columns = alternateErase ? alternate.columns() : 80;
            Arrays.fill(characters, (byte) 0);
            Arrays.fill(attributes, -1);
            Arrays.fill(colors, (byte) 0);
            Arrays.fill(highlights, (byte) 0);
            cursor = 0;
        }
        int wcc = stream.length > 1 ? stream[1] & 0xFF : 0;
        int address = cursor;
        byte color = 0; // SA's character attributes, for this write only
        byte highlight = 0;
        for (int i = 2; i < stream.length; i++) {
            int b = stream[i] & 0xFF;
            switch (b) {
                case SBA -> {
                    address = BufferAddress.decode(stream[i + 1] & 0xFF, stream[i + 2] & 0xFF) % positions();
                    i += 2;
                }
                case SF -> {
                    attributes[address] = (stream[++i] & 0x3F);
                    characters[address] = 0;
                    colors[address] = 0;
                    highlights[address] = 0;
                    address = (address + 1) % positions();
                }
                case SFE -> {
                    int pairs = stream[++i] & 0xFF;
                    attributes[address] = 0; // without a x'C0' pair the field is unprotected, normal, alphanumeric
                    characters[address] = 0;
                    colors[address] = 0;
                    highlights[address] = 0;
                    for (int p = 0; p < pairs; p++) {
                        modify(address, stream[i + 1] & 0xFF, stream[i + 2]);
                        i += 2;
                    }
                    address = (address + 1) % positions();
                }
                case SA -> {
                    int type = stream[i + 1] & 0xFF;
                    byte value = stream[i + 2];
                    i += 2;
                    if (type == TYPE_RESET) {
                        color = 0;
                        highlight = 0;
                    } else if (type == TYPE_COLOR) {
                        color = value;
                    } else if (type == TYPE_HIGHLIGHT) {
                        highlight = value;
                    }
                }
                case MF -> {
                    int pairs = stream[++i] & 0xFF;
                    boolean field = attributes[address] >= 0; // MF elsewhere than on an attribute changes nothing
                    for (int p = 0; p < pairs; p++) {
                        if (field) {
                            modify(address, stream[i + 1] & 0xFF, stream[i + 2]);
                        }
                        i += 2;
                    }
                    if (field) {
                        address = (address + 1) % positions();
                    }
                }
                case IC -> cursor = address;
                case PT -> address = nextInputStart(address);
                case RA -> {
                    int to = BufferAddress.decode(stream[i + 1] & 0xFF, stream[i + 2] & 0xFF) % positions();
                    int fill = stream[i + 3] & 0xFF;
                    if (fill == GE) {
                        fill = stream[i + 4] & 0xFF;
                        i++;
                    }
                    i += 3;
                    do {
                        put(address, (byte) fill, color, highlight);
                        address = (address + 1) % positions();
                    } while (address != to);
                }
                case EUA -> {
                    int to = BufferAddress.decode(stream[i + 1] & 0xFF, stream[i + 2] & 0xFF) % positions();
                    i += 2;
                    while (address != to) {
                        if (!isProtected(address)) {
                            characters[address] = 0;
                        }
                        address = (address + 1) % positions();
                    }
                }
                case GE -> {
                    put(address, stream[++i], color, highlight);
                    address = (address + 1) % positions();
                }
                default -> {
                    put(address, (byte) b, color, highlight);
                    address = (address + 1) % positions();
                }
            }
        }
        colorMode = false;
        for (int a = 0; a < positions() && !colorMode; a++) {
            colorMode = Color.of(colors[a]) != Color.DEFAULT;
        }
        if ((wcc & 0x01) != 0) {
            for (int a = 0; a < positions(); a++) {
                if (attributes[a] >= 0) {
                    attributes[a] &= ~0x01;
                }
            }
        }
        if ((wcc & 0x02) != 0) {
            keyboardLocked = false;
        }
        return null;
    }

    /**
     * A character written by the host at {@code address}, with SA's character attributes (a field attribute position
     * keeps its field's colour and highlighting).
     */
    private void put(int address, byte character, byte color, byte highlight) {
        characters[address] = character;
        if (attributes[address] < 0) {
            colors[address] = color;
            highlights[address] = highlight;
        }
    }

    /** One attribute type/value pair of SFE or MF for the field attribute at {@code address}; other types are ignored. */
    private void modify(int address, int type, byte value) {
        switch (type) {
            case TYPE_3270 -> attributes[address] = value & 0x3F;
            case TYPE_COLOR -> colors[address] = value;
            case TYPE_HIGHLIGHT -> highlights[address] = value;
            default -> {
                // character set, background colour, validation, outlining: not shown by this terminal
            }
        }
    }

    /** Read Buffer's answer: AID (none), cursor, then every position: SF and its attribute, or the character. */
    private byte[] readBuffer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Aid.NONE.code);
        out.writeBytes(BufferAddress.encode(cursor));
        for (int a = 0; a < positions(); a++) {
            if (attributes[a] >= 0) {
                out.write(SF);
                out.write(BufferAddress.code(attributes[a]));
            } else {
                out.write(characters[a]);
            }
        }
        return out.toByteArray();
    }

    private void eraseAllUnprotected() {
        for (int a = 0; a < positions(); a++) {
            if (attributes[a] < 0 && !isProtected(a)) {
                characters[a] = 0;
            }
        }
    }

    /** The attribute position of the field that holds {@code address}, or -1 on an unformatted screen. */
    private int fieldOf(int address) {
        for (int i = 0; i < positions(); i++) {
            int a = Math.floorMod(address - i, positions());
            if (attributes[a] >= 0) {
                return a;
            }
        }
        return -1;
    }

    private boolean isProtected(int address) {
        int f = fieldOf(address);
        return f >= 0 && (attributes[f] & 0x20) != 0;
    }

    private int nextInputStart(int from) {
        for (int i = 1; i <= positions(); i++) {
            int a = (from + i) % positions();
            if (attributes[a] >= 0 && (attributes[a] & 0x20) == 0) {
                return (a + 1) % positions();
            }
        }
        return from;
    }

    /** Types {@code text} at the cursor; false (keyboard error) when the cursor is on a protected position. */
    public boolean type(String text) {
        byte[] bytes = text.getBytes(codePage);
        for (byte b : bytes) {
            if (attributes[cursor] >= 0 || isProtected(cursor)) {
                return false;
            }
            characters[cursor] = b;
            attributes[fieldOf(cursor)] |= 0x01;
            cursor = (cursor + 1) % positions();
        }
        return true;
    }

    /** Whether the cursor is in a non-display field (a password field): a recorder must not keep what is typed there. */
    public boolean cursorInHiddenField() {
        int f = fieldOf(cursor);
        return f >= 0 && (attributes[f] & 0x0C) == 0x0C;
    }

    public void tab() {
        cursor = nextInputStart(cursor);
    }

    /** Home: the first input field's first position. */
    public void home() {
        cursor = nextInputStart(positions() - 1);
    }

    /** The inbound record for {@code aid}: AID, cursor and the modified fields (short read for Clear and PA keys). */
    public byte[] read(Aid aid) {
        keyboardLocked = true;
        return readModified(aid, false);
    }

    /** {@code all}: Read Modified All, which the host asks for: the modified fields even after a short-read key. */
    private byte[] readModified(Aid aid, boolean all) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(aid.code);
        if (aid.shortRead() && !all) {
            return out.toByteArray();
        }
        out.writeBytes(BufferAddress.encode(cursor));
        for (int a = 0; a < positions(); a++) {
            if (attributes[a] >= 0 && (attributes[a] & 0x01) != 0) {
                int start = (a + 1) % positions();
                out.write(SBA);
                out.writeBytes(BufferAddress.encode(start));
                for (int p = start; attributes[p] < 0; p = (p + 1) % positions()) {
                    if (characters[p] != 0) {
                        out.write(characters[p]);
                    }
                    if (p == a) {
                        break;
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** The screen as text, one line per row; hidden fields and attribute positions show as blanks. */
    public String[] text() {
        String[] lines = new String[rows];
        for (int r = 0; r < rows; r++) {
            byte[] row = new byte[columns];
            for (int c = 0; c < columns; c++) {
                int a = r * columns + c;
                boolean hidden = attributes[a] >= 0 || characters[a] == 0
                        || (fieldOf(a) >= 0 && (attributes[fieldOf(a)] & 0x0C) == 0x0C);
                row[c] = hidden ? (byte) 0x40 : characters[a];
            }
            lines[r] = new String(row, codePage);
        }
        return lines;
    }

    /**
     * One position's look for a screen view: the field attribute that governs it (-1 on an unformatted screen), whether
     * the position holds that attribute itself (shown as a blank), the colour it is shown in and its extended
     * highlighting.
     *
     * @param color     never DEFAULT: the character's colour (SA), else its field's (SFE, MF), else the colour a 3279
     *                  gives the field: in base colour mode (no colour anywhere on the screen) unprotected normal green,
     *                  unprotected intensified red, protected normal blue, protected intensified white; once any field
     *                  or character has a colour, normal green and intensified white (IBM SC34-5764 CICS/REXX panel
     *                  notes: "protect/normal displays blue, protect/bright displays white, unprotect/normal displays
     *                  green, and unprotect/bright displays red"; "If any field on a panel has explicitly specified a
     *                  color ... bright fields ... are displayed white and all normal fields ... green. This is a 3270
     *                  hardware limitation"; the same in JET 3270's base and extended colour modes)
     * @param highlight the character's highlighting, else its field's; DEFAULT and NORMAL both mean none
     */
    public record Cell(int fieldAttribute, int fieldStart, boolean attributePosition, Color color, Highlight highlight) {
        /** Protected: the operator cannot type here (attribute bit 0x20); an unformatted screen is unprotected. */
        public boolean protectedField() {
            return attributePosition || (fieldAttribute >= 0 && (fieldAttribute & 0x20) != 0);
        }

        /** Intensified display (display bits 10). */
        public boolean intensified() {
            return fieldAttribute >= 0 && (fieldAttribute & 0x0C) == 0x08;
        }

        /** Non-display (display bits 11): a password field. */
        public boolean hidden() {
            return fieldAttribute >= 0 && (fieldAttribute & 0x0C) == 0x0C;
        }
    }

    /** The look of buffer position {@code address} (0 .. rows*columns-1 of the current size). */
    public Cell cell(int address) {
        int f = fieldOf(address);
        int attribute = f < 0 ? -1 : attributes[f];
        boolean attributePosition = attributes[address] >= 0;
        Color color = attributePosition ? Color.DEFAULT : Color.of(colors[address]);
        if (color == Color.DEFAULT && f >= 0) {
            color = Color.of(colors[f]);
        }
        Highlight highlight = Highlight.DEFAULT; // an attribute position is a plain blank: no underscore, no reverse
        if (!attributePosition) {
            highlight = Highlight.of(highlights[address]);
            if (highlight == Highlight.DEFAULT && f >= 0) {
                highlight = Highlight.of(highlights[f]);
            }
        }
        if (color == Color.DEFAULT) {
            color = baseColor(attribute);
        }
        return new Cell(attribute, f, attributePosition, color, highlight);
    }

    /** The colour of a field without one (its attribute; -1 unformatted), in this screen's colour mode. */
    private Color baseColor(int attribute) {
        boolean intensified = attribute >= 0 && (attribute & 0x0C) == 0x08;
        boolean protectedField = attribute >= 0 && (attribute & 0x20) != 0;
        if (colorMode) {
            return intensified ? Color.WHITE : Color.GREEN;
        }
        if (protectedField) {
            return intensified ? Color.WHITE : Color.BLUE;
        }
        return intensified ? Color.RED : Color.GREEN;
    }

    /**
     * Puts {@code text} into the unprotected positions from {@code address} on, at most {@code length} of them, and
     * nulls the rest of those {@code length} positions, setting the field's modified flag, as typing the text and
     * Erase EOF do. False (nothing changed) when {@code address} is protected or an attribute position.
     */
    public boolean fill(int address, int length, String text) {
        if (address < 0 || address >= positions() || attributes[address] >= 0 || isProtected(address)) {
            return false;
        }
        byte[] bytes = text.getBytes(codePage);
        int a = address;
        for (int i = 0; i < length && attributes[a] < 0; i++) {
            characters[a] = i < bytes.length ? bytes[i] : 0;
            a = (a + 1) % positions();
        }
        int f = fieldOf(address);
        if (f >= 0) {
            attributes[f] |= 0x01;
        }
        return true;
    }

    /** Moves the cursor to {@code address} (taken modulo the screen's positions). */
    public void cursor(int address) {
        cursor = Math.floorMod(address, positions());
    }

    public int cursor() {
        return cursor;
    }
}
