package org.opencs.tn3270.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.opencs.tn3270.datastream.BufferAddress;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * A 3270 record as DEBUG TRACE shows it: in hex and as text (EBCDIC through the port's code page, orders and other
 * control bytes as dots), 32 bytes a line, the first 64 bytes only unless FULLDATATRACE is coded (as IBM's Telnet
 * traces the first 64 bytes of data without it). What an operator types in a non-display field (a password, a new
 * password) never reaches a trace line: {@link #maskInbound} replaces every non-display field's input with eight
 * asterisks (so not even its length shows), and {@link #maskOutbound} does the same to any text a screen writes into
 * a non-display field.
 */
final class DataTrace {
    /** Bytes per trace line. */
    static final int LINE_BYTES = 32;
    /** What is traced of a record without FULLDATATRACE. */
    static final int SHORT_BYTES = 64;
    /** What a non-display field's content becomes: eight EBCDIC asterisks. */
    static final byte[] MASK = {0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C};

    private static final int SBA = 0x11;
    private static final int SF = 0x1D;
    private static final int SFE = 0x29;
    private static final int IC = 0x13;
    private static final int PT = 0x05;
    private static final int RA = 0x3C;
    private static final int EUA = 0x12;
    private static final int SA = 0x28;
    private static final int MF = 0x2C;
    private static final int GE = 0x08;
    /** The AID of a structured field (a query reply). */
    private static final int STRUCTURED_FIELD = 0x88;

    private DataTrace() {
    }

    /**
     * The trace lines' texts for one record: {@code IN 3270-DATA 123 BYTES +0000 <hex> 'text'}, one per 32 bytes.
     */
    static List<String> lines(String direction, String dataType, byte[] data, Charset codePage, boolean full) {
        List<String> lines = new ArrayList<>();
        int shown = full ? data.length : Math.min(data.length, SHORT_BYTES);
        String head = direction + " " + dataType + " " + data.length + " BYTES";
        if (shown == 0) {
            lines.add(head);
            return lines;
        }
        for (int at = 0; at < shown; at += LINE_BYTES) {
            int end = Math.min(shown, at + LINE_BYTES);
            StringBuilder line = new StringBuilder(head).append(String.format(" +%04X ", at));
            for (int i = at; i < end; i++) {
                line.append(String.format("%02X", data[i] & 0xFF));
            }
            line.append(" '").append(text(data, at, end, codePage)).append('\'');
            if (end == shown && shown < data.length) {
                line.append(" (first ").append(SHORT_BYTES).append(" bytes; FULLDATATRACE shows all)");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The bytes as text: EBCDIC graphic characters (x'40' and up) through the code page, the rest as dots. */
    static String text(byte[] data, int from, int to, Charset codePage) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xFF;
            if (b < 0x40 || b == 0xFF) {
                out.append('.');
                continue;
            }
            char c = new String(new byte[] {(byte) b}, codePage).charAt(0);
            out.append(c >= 0x20 && c != 0x7F && !Character.isISOControl(c) && c != '\'' ? c : '.');
        }
        return out.toString();
    }

    /**
     * An inbound Read Modified record (AID, cursor, then SBA + data per modified field; no TN3270E header) with the
     * data of every field that starts in a non-display field of {@code screen} replaced by {@link #MASK}. A record
     * that does not read as that (a query reply, a structured field) is kept up to its cursor address and the rest
     * masked when the screen has a non-display field at all: nothing typed is shown unless it is known to be visible.
     */
    static byte[] maskInbound(byte[] data, Screen screen) {
        if (screen == null || screen.fields().stream().noneMatch(Field::hidden) || data.length <= 3
                || (data[0] & 0xFF) == STRUCTURED_FIELD) {
            return data; // nothing hidden on the screen, nothing typed, or a query reply (the terminal's properties)
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, 3);
        int i = 3;
        while (i < data.length) {
            if ((data[i] & 0xFF) != SBA || i + 2 >= data.length) {
                out.writeBytes(MASK); // not a field list: nothing past the header is shown
                return out.toByteArray();
            }
            int address = BufferAddress.decode(data[i + 1] & 0xFF, data[i + 2] & 0xFF);
            int start = i + 3;
            int end = start;
            while (end < data.length && (data[end] & 0xFF) != SBA) {
                end++;
            }
            out.write(data, i, 3);
            if (hidden(screen, address)) {
                if (end > start) {
                    out.writeBytes(MASK);
                }
            } else {
                out.write(data, start, end - start);
            }
            i = end;
        }
        return out.toByteArray();
    }

    /** Whether {@code address} is within a non-display field of the screen. */
    private static boolean hidden(Screen screen, int address) {
        for (Field f : screen.fields()) {
            if (!f.hidden()) {
                continue;
            }
            int start = f.row() * screen.columns() + f.column();
            if (address >= start && address < start + Math.max(1, f.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An outbound write (command, WCC, orders and text) with the text that follows a non-display field attribute
     * (SF, or SFE with a basic attribute, whose display bits are 11) replaced by {@link #MASK} (once per run of text),
     * up to the next field attribute: text placed after an SBA may still be in that field, so it is masked too.
     * Records that are not writes (a query, a BIND) are returned as they are.
     */
    static byte[] maskOutbound(byte[] data) {
        if (data.length < 2 || !isWrite(data[0] & 0xFF)) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, 2);
        boolean hidden = false;
        boolean masked = false;
        int i = 2;
        while (i < data.length) {
            int b = data[i] & 0xFF;
            int length = orderLength(data, i);
            if (length > 0) {
                if (b == SF && i + 1 < data.length) {
                    hidden = ((data[i + 1] & 0x0C) == 0x0C);
                } else if (b == SFE) {
                    hidden = sfeHidden(data, i);
                }
                masked = false;
                out.write(data, i, Math.min(length, data.length - i));
                i += length;
                continue;
            }
            if (hidden) {
                if (!masked) {
                    out.writeBytes(MASK);
                    masked = true;
                }
            } else {
                out.write(b);
            }
            i++;
        }
        return out.toByteArray();
    }

    /** Write, Erase/Write, Erase/Write Alternate, Erase All Unprotected (local and remote command codes). */
    private static boolean isWrite(int command) {
        return command == 0xF1 || command == 0x01 || command == 0xF5 || command == 0x05 || command == 0x7E
                || command == 0x0D;
    }

    /** The length of the order at {@code i} (with its operands), or 0 when the byte is text. */
    private static int orderLength(byte[] data, int i) {
        return switch (data[i] & 0xFF) {
            case SF, GE -> 2;
            case SBA, EUA, SA -> 3;
            case IC, PT -> 1;
            case RA -> i + 3 < data.length && (data[i + 3] & 0xFF) == GE ? 5 : 4;
            case SFE, MF -> i + 1 < data.length ? 2 + 2 * (data[i + 1] & 0xFF) : 2;
            default -> 0;
        };
    }

    private static boolean sfeHidden(byte[] data, int i) {
        int pairs = i + 1 < data.length ? data[i + 1] & 0xFF : 0;
        for (int p = 0; p < pairs; p++) {
            int at = i + 2 + 2 * p;
            if (at + 1 < data.length && (data[at] & 0xFF) == 0xC0) {
                return (data[at + 1] & 0x0C) == 0x0C;
            }
        }
        return false;
    }
}
