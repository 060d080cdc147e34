package org.opencs.pki.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;

/**
 * Sits in front of a BoringSSL server engine's SslHandler and sets {@code SSL_OP_NO_TICKET} on the connection as the
 * first encrypted record arrives from the client. In TLS 1.3 that is the client's Finished (RFC 8446 section 5: after
 * the ClientHello everything the client sends is an application_data record, type 23; a ChangeCipherSpec or a
 * second ClientHello after a HelloRetryRequest are not). By then the server has taken the client's ticket from its
 * ClientHello, and it has yet to send its NewSessionTicket messages, which the option now stops. TLS 1.2 sends no
 * type-23 record before the handshake ends, and its tickets come within the handshake anyway. It watches only record
 * headers and never changes or holds the bytes; it leaves the pipeline once it has acted.
 */
final class NoTicketAfterHello extends ChannelInboundHandlerAdapter {
    private static final int HEADER = 5;
    private static final int APPLICATION_DATA = 23;

    private final ReferenceCountedOpenSslEngine engine;
    private final byte[] header = new byte[HEADER];
    private int headerBytes;
    private int bodyLeft;

    NoTicketAfterHello(ReferenceCountedOpenSslEngine engine) {
        this.engine = engine;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && encryptedRecordStarts(bytes)) {
            io.netty.internal.tcnative.SSL.setOptions(engine.sslPointer(), io.netty.internal.tcnative.SSL.SSL_OP_NO_TICKET);
            ctx.fireChannelRead(msg);
            ctx.pipeline().remove(this);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Walks the record headers in {@code bytes} (without reading it) and tells whether an encrypted record begins. */
    private boolean encryptedRecordStarts(ByteBuf bytes) {
        int i = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (i < end) {
            if (bodyLeft > 0) {
                int skip = Math.min(bodyLeft, end - i);
                i += skip;
                bodyLeft -= skip;
                continue;
            }
            header[headerBytes++] = bytes.getByte(i++);
            if (headerBytes == HEADER) {
                headerBytes = 0;
                if (header[0] == APPLICATION_DATA) {
                    return true;
                }
                bodyLeft = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
            }
        }
        return false;
    }
}
