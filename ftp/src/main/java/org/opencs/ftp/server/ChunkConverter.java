package org.opencs.ftp.server;

/**
 * A text conversion applied to a transfer chunk by chunk (TYPE A line ends, code pages), so files of any size stream
 * through without being held in memory. One instance per transfer and direction: it may hold state across chunks.
 */
interface ChunkConverter {
    /** Converts one chunk; {@code last} releases whatever was held back at the end of the previous chunk. */
    byte[] convert(byte[] chunk, int offset, int length, boolean last);

    /** {@code in} as this converter's output, for streaming a download. */
    default java.io.InputStream encoding(java.io.InputStream in) {
        ChunkConverter self = this;
        return new java.io.InputStream() {
            private byte[] pending = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                while (position >= pending.length) {
                    if (ended) {
                        return -1;
                    }
                    byte[] chunk = new byte[Math.max(len, 8192)];
                    int n = in.read(chunk);
                    ended = n < 0;
                    pending = self.convert(chunk, 0, Math.max(0, n), ended);
                    position = 0;
                }
                int count = Math.min(len, pending.length - position);
                System.arraycopy(pending, position, b, off, count);
                position += count;
                return count;
            }

            @Override
            public void close() throws java.io.IOException {
                in.close();
            }
        };
    }
}
