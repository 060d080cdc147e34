package org.opencs.pki.tls.trace;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The raw System SSL trace file: binary, as z/OS System SSL writes its trace for {@code gsktrace} to format. Binary
 * because each record is then self-delimiting whatever its text holds (a certificate subject or an error message may
 * contain any character, new lines included), a record written whole by one {@code write} is never interleaved with
 * another, and a file cut short by a crash is recognised at its last, incomplete record.
 *
 * <p>Layout (big-endian): the file starts with the 8 ASCII bytes {@code OCSGSKT1} ({@link #MAGIC}); then records,
 * each {@code u32 length} of what follows, {@code u8 event code}, {@code i64 epoch millis}, {@code i64 thread ID},
 * {@code i64 connection}, {@code u16 field count}, and per field {@code u16 name length, name (UTF-8), u32 value
 * length, value (UTF-8)}. A run of the server appends to the file, starting with a {@link TraceEvent#TRACE_START}
 * record.
 */
public final class TraceCodec {
    /** The first bytes of every raw trace file (the trailing digit is the format version). */
    public static final byte[] MAGIC = "OCSGSKT1".getBytes(StandardCharsets.US_ASCII);
    /** The longest record accepted when reading (a larger length means the file is damaged). */
    static final int MAX_RECORD = 16 * 1024 * 1024;
    /** The longest field value written, in characters; a longer one is cut and ends with "...". */
    static final int MAX_VALUE_CHARS = 64 * 1024;

    private TraceCodec() {
    }

    /** The bytes of one record, length prefix included. */
    public static byte[] encode(TraceRecord record) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(body);
            out.writeByte(record.event().code());
            out.writeLong(record.epochMillis());
            out.writeLong(record.threadId());
            out.writeLong(record.connection());
            if (record.fields().size() > 0xFFFF) {
                throw new IllegalArgumentException("a trace record holds at most 65535 fields");
            }
            out.writeShort(record.fields().size());
            for (TraceRecord.Field f : record.fields()) {
                byte[] name = f.name().getBytes(StandardCharsets.UTF_8);
                if (name.length > 0xFFFF) {
                    throw new IllegalArgumentException("a trace field name is at most 65535 bytes");
                }
                out.writeShort(name.length);
                out.write(name);
                String value = f.value().length() > MAX_VALUE_CHARS ? f.value().substring(0, MAX_VALUE_CHARS) + "..."
                        : f.value();
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
            ByteArrayOutputStream whole = new ByteArrayOutputStream(body.size() + 4);
            new DataOutputStream(whole).writeInt(body.size());
            body.writeTo(whole);
            return whole.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    /** Reads records from a raw trace stream, magic first. */
    public static Reader reader(InputStream in) {
        return new Reader(in);
    }

    /** A raw trace file that cannot be read: {@code offset} is where the problem is, in bytes from the start. */
    public static final class MalformedTraceException extends Exception {
        private final long offset;
        private final boolean truncated;

        MalformedTraceException(String message, long offset, boolean truncated) {
            super(message);
            this.offset = offset;
            this.truncated = truncated;
        }

        public long offset() {
            return offset;
        }

        /** Whether the file merely ends inside a record (a server still writing, or stopped abruptly). */
        public boolean truncated() {
            return truncated;
        }
    }

    /** Reads one record at a time; not thread-safe. */
    public static final class Reader {
        private final DataInputStream in;
        private long offset;
        private boolean started;

        private Reader(InputStream in) {
            this.in = new DataInputStream(in);
        }

        /** Bytes consumed so far. */
        public long offset() {
            return offset;
        }

        /**
         * The next record, or null at the end of the file.
         *
         * @throws MalformedTraceException not a raw trace file, a damaged record, or a file ending inside a record
         * @throws IOException            reading failed
         */
        public TraceRecord next() throws MalformedTraceException, IOException {
            if (!started) {
                byte[] magic = new byte[MAGIC.length];
                int n = in.readNBytes(magic, 0, magic.length);
                if (n != MAGIC.length || !Arrays.equals(magic, MAGIC)) {
                    throw new MalformedTraceException("not a System SSL trace file written by OpenCS", 0, false);
                }
                offset += MAGIC.length;
                started = true;
            }
            int first = in.read();
            if (first < 0) {
                return null;
            }
            long start = offset;
            byte[] lengthRest = new byte[3];
            if (in.readNBytes(lengthRest, 0, 3) != 3) {
                throw new MalformedTraceException("the file ends inside a record", start, true);
            }
            long length = ((long) first << 24) | ((lengthRest[0] & 0xFFL) << 16) | ((lengthRest[1] & 0xFFL) << 8)
                    | (lengthRest[2] & 0xFFL);
            if (length > MAX_RECORD) {
                throw new MalformedTraceException("a record claims " + length + " bytes", start, false);
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new MalformedTraceException("the file ends inside a record", start, true);
            }
            offset += 4 + length;
            try {
                return decodeBody(body);
            } catch (EOFException | IllegalArgumentException e) {
                throw new MalformedTraceException("a damaged record (" + e.getMessage() + ")", start, false);
            }
        }

        private static TraceRecord decodeBody(byte[] body) throws IOException {
            DataInputStream b = new DataInputStream(new java.io.ByteArrayInputStream(body));
            TraceEvent event = TraceEvent.ofCode(b.readUnsignedByte());
            long millis = b.readLong();
            long thread = b.readLong();
            long connection = b.readLong();
            int count = b.readUnsignedShort();
            List<TraceRecord.Field> fields = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = new String(readExactly(b, b.readUnsignedShort()), StandardCharsets.UTF_8);
                int valueLength = b.readInt();
                if (valueLength < 0 || valueLength > b.available()) {
                    throw new EOFException("field length " + valueLength + " beyond the record");
                }
                fields.add(new TraceRecord.Field(name, new String(readExactly(b, valueLength), StandardCharsets.UTF_8)));
            }
            if (b.available() > 0) {
                throw new IllegalArgumentException(b.available() + " bytes after the last field");
            }
            return new TraceRecord(millis, thread, connection, event, fields);
        }

        private static byte[] readExactly(DataInputStream b, int n) throws IOException {
            byte[] bytes = new byte[n];
            b.readFully(bytes);
            return bytes;
        }
    }
}
