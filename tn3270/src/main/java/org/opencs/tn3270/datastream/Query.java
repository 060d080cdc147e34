package org.opencs.tn3270.datastream;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read Partition Query and the query replies a terminal answers with (3270 Data Stream Programmer's Reference): the
 * host learns an IBM-DYNAMIC terminal's screen size from the Implicit Partition reply (or, failing that, the Usable
 * Area). Inbound: AID x'88', then structured fields, each a 2-byte length (counting itself), x'81' and a query code.
 */
public final class Query {
    public static final int WSF = 0xF3;
    public static final int READ_PARTITION = 0x01;
    public static final int QUERY = 0x02;
    public static final int QUERY_REPLY = 0x81;
    public static final int SUMMARY = 0x80;
    public static final int USABLE_AREA = 0x81;
    public static final int COLOR = 0x86;
    public static final int HIGHLIGHTING = 0x87;
    public static final int IMPLICIT_PARTITION = 0xA6;

    private Query() {
    }

    /** Write Structured Field: Read Partition, partition x'FF', Query. */
    public static byte[] readPartitionQuery() {
        return new byte[] {(byte) WSF, 0x00, 0x05, READ_PARTITION, (byte) 0xFF, QUERY};
    }

    /** Whether an outbound record is a Read Partition Query (the terminal must answer with query replies). */
    public static boolean isReadPartitionQuery(byte[] stream) {
        return stream.length >= 6 && (stream[0] & 0xFF) == WSF && (stream[3] & 0xFF) == READ_PARTITION
                && (stream[5] & 0xFF) == QUERY;
    }

    /** The query replies by query code (their data after the code), from an inbound record starting with AID x'88'. */
    public static Map<Integer, byte[]> replies(byte[] record) {
        if (record.length == 0 || (record[0] & 0xFF) != Aid.STRUCTURED_FIELD.code) {
            throw new IllegalArgumentException("not a structured field reply (AID x'88')");
        }
        Map<Integer, byte[]> replies = new LinkedHashMap<>();
        int i = 1;
        while (i < record.length) {
            if (i + 4 > record.length) {
                throw new IllegalArgumentException("query reply truncated at offset " + i);
            }
            int length = ((record[i] & 0xFF) << 8) | (record[i + 1] & 0xFF);
            if (length < 4 || i + length > record.length) {
                throw new IllegalArgumentException("query reply at offset " + i + " has a bad length " + length);
            }
            if ((record[i + 2] & 0xFF) == QUERY_REPLY) {
                replies.put(record[i + 3] & 0xFF, java.util.Arrays.copyOfRange(record, i + 4, i + length));
            }
            i += length;
        }
        return replies;
    }

    /**
     * The alternate screen size the replies describe: the Implicit Partition's alternate width and height, else the
     * Usable Area's width and height, else the default 24x80.
     */
    public static ScreenSize alternateSize(Map<Integer, byte[]> replies) {
        byte[] implicit = replies.get(IMPLICIT_PARTITION);
        if (implicit != null && implicit.length >= 13 && (implicit[3] & 0xFF) == 0x01) {
            return size(number(implicit, 11), number(implicit, 9));
        }
        byte[] usable = replies.get(USABLE_AREA);
        if (usable != null && usable.length >= 6) {
            return size(number(usable, 4), number(usable, 2));
        }
        return ScreenSize.DEFAULT;
    }

    private static ScreenSize size(int rows, int columns) {
        try {
            return new ScreenSize(rows, columns);
        } catch (IllegalArgumentException e) {
            return ScreenSize.DEFAULT; // a terminal claiming less than 24x80 or more than 14-bit addressing reaches
        }
    }

    private static int number(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    }

    /** What a terminal of this alternate size answers: Summary, Usable Area and Implicit Partition replies. */
    public static byte[] replyFor(ScreenSize alternate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Aid.STRUCTURED_FIELD.code);
        reply(out, SUMMARY, new byte[] {(byte) SUMMARY, (byte) USABLE_AREA, (byte) IMPLICIT_PARTITION});
        // Usable Area: 12/14-bit addressing, no special features, width, height, then units and cell sizes unused here.
        reply(out, USABLE_AREA, new byte[] {0x01, 0x00, hi(alternate.columns()), lo(alternate.columns()),
            hi(alternate.rows()), lo(alternate.rows()), 0x00});
        // Implicit Partition: 2 reserved bytes, then the self-defining parameter x'01' (length 11: reserved byte,
        // default width and height, alternate width and height).
        reply(out, IMPLICIT_PARTITION, new byte[] {0x00, 0x00, 0x0B, 0x01, 0x00, 0x00, 80, 0x00, 24,
            hi(alternate.columns()), lo(alternate.columns()), hi(alternate.rows()), lo(alternate.rows())});
        return out.toByteArray();
    }

    private static void reply(ByteArrayOutputStream out, int code, byte[] data) {
        int length = data.length + 4;
        out.write(length >> 8);
        out.write(length);
        out.write(QUERY_REPLY);
        out.write(code);
        out.writeBytes(data);
    }

    private static byte hi(int value) {
        return (byte) (value >> 8);
    }

    private static byte lo(int value) {
        return (byte) value;
    }
}
