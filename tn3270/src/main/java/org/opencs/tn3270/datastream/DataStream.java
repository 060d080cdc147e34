package org.opencs.tn3270.datastream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 3270 data stream both ways: a {@link Screen} as an Erase/Write record (Erase/Write Alternate when the screen is
 * not 24x80; WCC, then SBA + SF (SFE with colour and highlighting for a terminal with extended attributes) + text
 * for every field,
 * IC at the cursor), and an inbound Read Modified record as an {@link Input} (AID, cursor, modified fields by
 * buffer address).
 */
public final class DataStream {
    public static final int ERASE_WRITE = 0xF5;
    public static final int WRITE = 0xF1;
    /** Erase/Write Alternate: the screen switches to the terminal's alternate size (e.g. 43x80 on a model 4). */
    public static final int ERASE_WRITE_ALTERNATE = 0x7E;
    /** Reset, keyboard restore, reset MDT. */
    public static final int WCC_RESTORE = 0xC3;
    static final int SF = 0x1D;
    static final int SFE = 0x29;
    /** Extended attribute types: the basic field attribute, extended highlighting, and the foreground colour. */
    static final int ATTRIBUTE_3270 = 0xC0;
    static final int ATTRIBUTE_HIGHLIGHT = 0x41;
    static final int ATTRIBUTE_COLOR = 0x42;
    static final int SBA = 0x11;
    static final int IC = 0x13;
    /** New Line: the only order SSCP-LU (unformatted) data uses. */
    static final int NL = 0x15;

    private final Charset codePage;

    public DataStream(Charset codePage) {
        this.codePage = codePage;
    }

    /** What the terminal sent: the key, the cursor address, the modified fields' contents by their first address. */
    public record Input(Aid aid, int cursor, Map<Integer, String> fields) {
        public Input {
            fields = Map.copyOf(fields);
        }
    }

    /** The screen for a terminal without extended attributes: no colours. */
    public byte[] eraseWrite(Screen screen) {
        return eraseWrite(screen, false);
    }

    /** {@code extended}: the terminal takes Start Field Extended (its fields get their colours). */
    public byte[] eraseWrite(Screen screen, boolean extended) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(screen.size().equals(ScreenSize.DEFAULT) ? ERASE_WRITE : ERASE_WRITE_ALTERNATE);
        out.write(WCC_RESTORE);
        for (Field f : screen.fields()) {
            int start = screen.address(f.row(), f.column());
            int attribute = start == 0 ? screen.rows() * screen.columns() - 1 : start - 1;
            out.write(SBA);
            out.writeBytes(BufferAddress.encode(attribute));
            boolean colored = f.color() != Color.DEFAULT;
            boolean highlighted = f.highlight() != Highlight.DEFAULT;
            if (extended && (colored || highlighted)) {
                out.write(SFE);
                out.write(1 + (colored ? 1 : 0) + (highlighted ? 1 : 0));
                out.write(ATTRIBUTE_3270);
                out.write(BufferAddress.CODES[f.attributeBits() & 0x3F]);
                if (colored) {
                    out.write(ATTRIBUTE_COLOR);
                    out.write(f.color().code);
                }
                if (highlighted) {
                    out.write(ATTRIBUTE_HIGHLIGHT);
                    out.write(f.highlight().code);
                }
            } else {
                out.write(SF);
                out.write(BufferAddress.CODES[f.attributeBits() & 0x3F]);
            }
            String content = f.content() == null ? "" : f.content();
            if (content.length() > f.length()) {
                content = content.substring(0, f.length());
            }
            out.writeBytes(content.getBytes(codePage));
            if (f.write()) {
                // An input field ends where a protected attribute follows its last position.
                int end = start + f.length();
                out.write(SBA);
                out.writeBytes(BufferAddress.encode(end % (screen.rows() * screen.columns())));
                out.write(SF);
                out.write(BufferAddress.CODES[0x20]);
            }
        }
        out.write(SBA);
        out.writeBytes(BufferAddress.encode(screen.address(screen.cursorRow(), screen.cursorColumn())));
        out.write(IC);
        return out.toByteArray();
    }

    /**
     * A screen as unformatted SSCP-LU data (what VTAM's USS messages are): its rows as text, each ended by the New Line
     * order x'15'; trailing blanks and empty trailing rows are left out, input fields show their initial content. SSCP-LU
     * data cannot erase, it adds to what the terminal shows: after {@code shown} (the screen sent before, or null) only
     * the rows that differ from it are sent, as VTAM sends a message after the USS screen rather than the screen again.
     */
    public byte[] unformatted(Screen screen, Screen shown) {
        List<String> rows = textRows(screen);
        List<String> before = shown == null ? List.of() : textRows(shown);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (shown != null) {
            out.write(NL); // the answer starts below what the operator typed
        }
        for (int r = 0; r < rows.size(); r++) {
            if (r < before.size() && before.get(r).equals(rows.get(r))) {
                continue;
            }
            if (shown != null && rows.get(r).isEmpty()) {
                continue;
            }
            out.writeBytes(rows.get(r).getBytes(codePage));
            out.write(NL);
        }
        return out.toByteArray();
    }

    private static List<String> textRows(Screen screen) {
        char[][] grid = new char[screen.rows()][screen.columns()];
        for (char[] row : grid) {
            Arrays.fill(row, ' ');
        }
        for (Field f : screen.fields()) {
            String content = f.content() == null || f.hidden() ? "" : f.content();
            for (int i = 0; i < content.length() && i < f.length() && f.column() + i < screen.columns(); i++) {
                grid[f.row()][f.column() + i] = content.charAt(i);
            }
        }
        int last = grid.length - 1;
        while (last >= 0 && new String(grid[last]).isBlank()) {
            last--;
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            rows.add(new String(grid[r]).stripTrailing());
        }
        return rows;
    }

    /** What the operator typed in SSCP-LU mode: the text, nulls dropped. */
    public String unformattedInput(byte[] data) {
        byte[] text = stripNulls(data);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == NL) {
                text[i] = 0x40; // a New Line the operator typed is a blank between words
            }
        }
        return new String(text, codePage).trim();
    }

    /** Parses a Read Modified (or short read) record; nulls (x'00') that pad a field are dropped as 3270s do. */
    public Input read(byte[] record) {
        if (record.length == 0) {
            throw new IllegalArgumentException("empty inbound record");
        }
        Aid aid = Aid.of(record[0]);
        if (aid.shortRead() || record.length < 3) {
            return new Input(aid, -1, Map.of());
        }
        int cursor = BufferAddress.decode(record[1] & 0xFF, record[2] & 0xFF);
        Map<Integer, String> fields = new LinkedHashMap<>();
        int i = 3;
        while (i < record.length) {
            if ((record[i] & 0xFF) != SBA || i + 2 >= record.length) {
                throw new IllegalArgumentException(String.format("expected SBA at offset %d, found x'%02X'", i, record[i] & 0xFF));
            }
            int address = BufferAddress.decode(record[i + 1] & 0xFF, record[i + 2] & 0xFF);
            int start = i + 3;
            int end = start;
            while (end < record.length && (record[end] & 0xFF) != SBA) {
                end++;
            }
            byte[] data = Arrays.copyOfRange(record, start, end);
            fields.put(address, new String(stripNulls(data), codePage));
            i = end;
        }
        return new Input(aid, cursor, fields);
    }

    private static byte[] stripNulls(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (byte b : data) {
            if (b != 0) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
