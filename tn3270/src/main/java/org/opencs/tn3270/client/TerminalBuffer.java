package org.opencs.tn3270.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.BufferAddress;

/**
 * The client's model of a 3270 screen: character buffer, field attributes and modified flags, the cursor. It applies
 * outbound writes (W, EW, EWA with the orders SF, SFE, SBA, SA, MF, IC, PT, RA, EUA, GE), takes keystrokes (typing
 * into unprotected fields, Tab), and builds the inbound Read Modified record for an AID.
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

    private final int rows;
    private final int columns;
    private final Charset codePage;
    private final byte[] characters;
    /** -1 where there is no field attribute, else the attribute bits (protected 0x20, hidden 0x0C, MDT 0x01). */
    private final int[] attributes;
    private int cursor;
    private boolean keyboardLocked = true;

    public TerminalBuffer(int rows, int columns, Charset codePage) {
        this.rows = rows;
        this.columns = columns;
        this.codePage = codePage;
        this.characters = new byte[rows * columns];
        this.attributes = new int[rows * columns];
        Arrays.fill(attributes, -1);
    }

    private int size() {
        return rows * columns;
    }

    public boolean keyboardLocked() {
        return keyboardLocked;
    }

    /** Applies one outbound 3270 command (its first byte) with its WCC and orders. */
    public void write(byte[] stream) {
        if (stream.length == 0) {
            return;
        }
        int command = stream[0] & 0xFF;
        boolean erase = command == 0xF5 || command == 0x05 || command == 0x7E || command == 0x0D;
        boolean write = erase || command == 0xF1 || command == 0x01;
        if (command == 0x6F || command == 0x0F) {
            eraseAllUnprotected();
            keyboardLocked = false;
            return;
        }
        if (!write) {
            return; // reads and structured fields are not needed by a scripted terminal
        }
        if (erase) {
            Arrays.fill(characters, (byte) 0);
            Arrays.fill(attributes, -1);
            cursor = 0;
        }
        int wcc = stream.length > 1 ? stream[1] & 0xFF : 0;
        int address = cursor;
        for (int i = 2; i < stream.length; i++) {
            int b = stream[i] & 0xFF;
            switch (b) {
                case SBA -> {
                    address = BufferAddress.decode(stream[i + 1] & 0xFF, stream[i + 2] & 0xFF) % size();
                    i += 2;
                }
                case SF -> {
                    attributes[address] = (stream[++i] & 0x3F);
                    characters[address] = 0;
                    address = (address + 1) % size();
                }
                case SFE -> {
                    int pairs = stream[++i] & 0xFF;
                    int attribute = 0;
                    for (int p = 0; p < pairs; p++) {
                        if ((stream[i + 1] & 0xFF) == 0xC0) {
                            attribute = stream[i + 2] & 0x3F;
                        }
                        i += 2;
                    }
                    attributes[address] = attribute;
                    characters[address] = 0;
                    address = (address + 1) % size();
                }
                case SA -> i += 2;
                case MF -> i += 1 + 2 * (stream[i + 1] & 0xFF);
                case IC -> cursor = address;
                case PT -> address = nextInputStart(address);
                case RA -> {
                    int to = BufferAddress.decode(stream[i + 1] & 0xFF, stream[i + 2] & 0xFF) % size();
                    int fill = stream[i + 3] & 0xFF;
                    if (fill == GE) {
                        fill = stream[i + 4] & 0xFF;
                        i++;
                    }
                    i += 3;
                    do {
                        characters[address] = (byte) fill;
                        address = (address + 1) % size();
                    } while (address != to);
                }
                case EUA -> {
                    int to = BufferAddress.decode(stream[i + 1] & 0xFF, stream[i + 2] & 0xFF) % size();
                    i += 2;
                    while (address != to) {
                        if (!isProtected(address)) {
                            characters[address] = 0;
                        }
                        address = (address + 1) % size();
                    }
                }
                case GE -> {
                    characters[address] = stream[++i];
                    address = (address + 1) % size();
                }
                default -> {
                    characters[address] = (byte) b;
                    address = (address + 1) % size();
                }
            }
        }
        if ((wcc & 0x01) != 0) {
            for (int a = 0; a < size(); a++) {
                if (attributes[a] >= 0) {
                    attributes[a] &= ~0x01;
                }
            }
        }
        if ((wcc & 0x02) != 0) {
            keyboardLocked = false;
        }
    }

    private void eraseAllUnprotected() {
        for (int a = 0; a < size(); a++) {
            if (attributes[a] < 0 && !isProtected(a)) {
                characters[a] = 0;
            }
        }
    }

    /** The attribute position of the field that holds {@code address}, or -1 on an unformatted screen. */
    private int fieldOf(int address) {
        for (int i = 0; i < size(); i++) {
            int a = Math.floorMod(address - i, size());
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
        for (int i = 1; i <= size(); i++) {
            int a = (from + i) % size();
            if (attributes[a] >= 0 && (attributes[a] & 0x20) == 0) {
                return (a + 1) % size();
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
            cursor = (cursor + 1) % size();
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
        cursor = nextInputStart(size() - 1);
    }

    /** The inbound record for {@code aid}: AID, cursor and the modified fields (short read for Clear and PA keys). */
    public byte[] read(Aid aid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(aid.code);
        keyboardLocked = true;
        if (aid.shortRead()) {
            return out.toByteArray();
        }
        out.writeBytes(BufferAddress.encode(cursor));
        for (int a = 0; a < size(); a++) {
            if (attributes[a] >= 0 && (attributes[a] & 0x01) != 0) {
                int start = (a + 1) % size();
                out.write(SBA);
                out.writeBytes(BufferAddress.encode(start));
                for (int p = start; attributes[p] < 0; p = (p + 1) % size()) {
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

    public int cursor() {
        return cursor;
    }
}
