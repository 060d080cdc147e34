package org.opencs.pki.tls.trace;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats a raw System SSL trace for reading, as z/OS's {@code gsktrace} command does: one line per record with the
 * time, the thread ({@code Thd-n}), the record type (ENTRY, EXIT, ERROR, INFO), the System SSL routine and the text,
 * here with the connection number ({@code Conn n}) in front of the text; then the record's fields, one per indented
 * line. Control characters from the peer (a server name, say) are shown as {@code \xNN}, so a line of the formatted
 * trace is always one record's.
 *
 * <pre>
 * 05/17/2025-14:03:07.412 Thd-31 INFO gsk_secure_socket_open(): Conn 1: TLS connection
 *     role: TN3270
 *     peer: 127.0.0.1:53110
 * 05/17/2025-14:03:07.415 Thd-31 ENTRY gsk_secure_socket_init(): Conn 1: ---&gt; Entry
 * </pre>
 */
public final class GskTraceFormatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy-HH:mm:ss.SSS", Locale.ROOT);

    private GskTraceFormatter() {
    }

    /**
     * What formatting found: how many records, and the problem that ended it early (null when the whole file was read).
     *
     * @param records   records formatted
     * @param problem   why the rest could not be read, or null
     * @param truncated whether the problem is only a last record cut short
     */
    public record Summary(long records, String problem, boolean truncated) {
    }

    /**
     * Formats the raw trace {@code raw} to {@code out}, times in {@code zone}.
     *
     * @throws IOException reading {@code raw} or writing {@code out} failed
     */
    public static Summary format(InputStream raw, ZoneId zone, Appendable out) throws IOException {
        TraceCodec.Reader reader = TraceCodec.reader(raw);
        long count = 0;
        while (true) {
            TraceRecord record;
            try {
                record = reader.next();
            } catch (TraceCodec.MalformedTraceException e) {
                return new Summary(count, e.getMessage() + " at byte " + e.offset(), e.truncated());
            }
            if (record == null) {
                return new Summary(count, null, false);
            }
            out.append(line(record, zone));
            count++;
        }
    }

    /** One record as formatted text: its line, then one indented line per field; each line ends with a new line. */
    public static String line(TraceRecord record, ZoneId zone) {
        StringBuilder b = new StringBuilder(160);
        b.append(TIME.format(Instant.ofEpochMilli(record.epochMillis()).atZone(zone)))
                .append(" Thd-").append(record.threadId())
                .append(' ').append(record.event().category().name())
                .append(' ').append(record.event().function()).append("(): ");
        if (record.connection() != 0) {
            b.append("Conn ").append(record.connection()).append(": ");
        }
        b.append(record.event().text()).append('\n');
        for (TraceRecord.Field f : record.fields()) {
            b.append("    ").append(printable(f.name())).append(": ").append(printable(f.value())).append('\n');
        }
        return b.toString();
    }

    /** {@code text} with control characters (and DEL) as {@code \xNN}. */
    static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
