package org.opencs.pki.tls.trace;

import io.netty.buffer.ByteBuf;

/**
 * Follows a stream of TLS records (RFC 8446 section 5.1: type, version, 16-bit length, body) across the buffers it is
 * given, reading only headers and the bodies of plain-text alerts: a record of type 21 (alert) with a 2-byte body is
 * an unencrypted alert, level and description. One direction of one connection; not thread-safe.
 */
final class AlertScanner {
    /** Receives each plain-text alert: level (1 warning, 2 fatal) and description code. */
    interface Listener {
        void alert(int level, int description);
    }

    private static final int HEADER = 5;
    private static final int ALERT = 21;

    private final Listener listener;
    private final byte[] header = new byte[HEADER];
    private int headerBytes;
    private int bodyLeft;
    /** Whether the record being read is a plain-text alert, whose 2 bytes are kept in {@link #alert}. */
    private boolean plainAlert;
    private final byte[] alert = new byte[2];
    private int alertBytes;

    AlertScanner(Listener listener) {
        this.listener = listener;
    }

    /** Follows the records in {@code bytes} from its reader index, without moving it. */
    void scan(ByteBuf bytes) {
        int i = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (i < end) {
            if (bodyLeft > 0) {
                int take = Math.min(bodyLeft, end - i);
                if (plainAlert) {
                    for (int k = 0; k < take; k++) {
                        alert[alertBytes++] = bytes.getByte(i + k);
                    }
                    if (alertBytes == 2) {
                        listener.alert(alert[0] & 0xFF, alert[1] & 0xFF);
                    }
                }
                i += take;
                bodyLeft -= take;
                continue;
            }
            header[headerBytes++] = bytes.getByte(i++);
            if (headerBytes == HEADER) {
                headerBytes = 0;
                bodyLeft = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
                plainAlert = header[0] == ALERT && bodyLeft == 2;
                alertBytes = 0;
            }
        }
    }
}
