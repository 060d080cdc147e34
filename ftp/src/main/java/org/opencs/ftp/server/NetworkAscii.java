package org.opencs.ftp.server;

import java.io.ByteArrayOutputStream;

/**
 * TYPE A line ends on the wire (RFC 959: CRLF) converted chunk by chunk, so files of any size stream through without
 * being held in memory. One instance per transfer and direction: it remembers a CR that ended the previous chunk.
 */
final class NetworkAscii implements ChunkConverter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final boolean toNetwork;
    /** Outbound: what each LF becomes (SITE SBSENDEOL; CRLF by default). */
    private final byte[] lineEnd;
    private boolean previousCr;

    private NetworkAscii(boolean toNetwork, byte[] lineEnd) {
        this.toNetwork = toNetwork;
        this.lineEnd = lineEnd;
    }

    /** LF becomes CRLF (a CRLF already there stays as it is). */
    static NetworkAscii encoder() {
        return new NetworkAscii(true, CRLF);
    }

    /** Each LF becomes {@code lineEnd} (SITE SBSENDEOL=CRLF, LF, CR or NONE: CRLF, LF, CR or nothing). */
    static NetworkAscii encoder(byte[] lineEnd) {
        return new NetworkAscii(true, lineEnd.clone());
    }

    /** CRLF becomes LF; a lone CR stays. */
    static NetworkAscii decoder() {
        return new NetworkAscii(false, CRLF);
    }

    static byte[] encode(byte[] whole) {
        return encoder().convert(whole, 0, whole.length, true);
    }

    static byte[] decode(byte[] whole) {
        return decoder().convert(whole, 0, whole.length, true);
    }

    /** Converts one chunk; {@code last} releases a CR held back at the end of the previous chunk. */
    @Override
    public byte[] convert(byte[] chunk, int offset, int length, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + length / 32 + 2);
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            if (toNetwork && !java.util.Arrays.equals(lineEnd, CRLF)) {
                if (b == '\n') {
                    out.writeBytes(lineEnd);
                } else {
                    out.write(b);
                }
                continue;
            }
            if (toNetwork) {
                if (b == '\n' && !previousCr) {
                    out.write('\r');
                }
                out.write(b);
                previousCr = b == '\r';
                continue;
            }
            if (previousCr && b != '\n') {
                out.write('\r');
            }
            previousCr = b == '\r';
            if (!previousCr) {
                out.write(b);
            }
        }
        if (last && !toNetwork && previousCr) {
            out.write('\r');
            previousCr = false;
        }
        return out.toByteArray();
    }
}
