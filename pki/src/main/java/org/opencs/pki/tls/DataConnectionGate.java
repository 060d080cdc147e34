package org.opencs.pki.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import java.util.ArrayDeque;

/**
 * Sits in front of a data connection's SslHandler (closer to the socket) and lets its TLS handshake begin as soon as
 * the client sends its ClientHello, while holding back the client's first encrypted record until the session knows
 * what the connection carries ({@link #open}). In TLS 1.3 that record is the client's Finished (RFC 8446 section 5:
 * after the ClientHello everything the client sends is an application_data record, type 23; a ChangeCipherSpec or a
 * second ClientHello after a HelloRetryRequest are not), so a client that starts its handshake before sending RETR or
 * STOR (curl) gets the server's half of it at once, and the handshake ends once the command came. In TLS 1.2 the
 * handshake ends before any type-23 record; what is held then is an upload's first data.
 *
 * <p>When the connection carries an upload, {@link #open}{@code (true)} sets {@code SSL_OP_NO_TICKET} on a BoringSSL
 * engine just before the client's Finished reaches it: the server has taken the client's ticket from the ClientHello
 * by then and has yet to send its NewSessionTicket messages, which the option now stops (an uploading client never
 * reads them, and a socket closed with unread data is reset, which loses the end of the upload). While it holds, the
 * channel stops reading, so a client cannot make it hold more than one read. It watches record headers only, never
 * changes the bytes, and leaves the pipeline once the first encrypted record has passed.
 */
public final class DataConnectionGate extends ChannelInboundHandlerAdapter {
    private static final int HEADER = 5;
    private static final int APPLICATION_DATA = 23;

    private final ReferenceCountedOpenSslEngine engine;
    private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
    private final byte[] header = new byte[HEADER];
    private int headerBytes;
    private int bodyLeft;
    private boolean open;
    private boolean noTickets;
    private ChannelHandlerContext ctx;

    /** {@code engine}: the BoringSSL engine behind it, or null on the JDK's engine (no ticket switch there). */
    DataConnectionGate(ReferenceCountedOpenSslEngine engine) {
        this.engine = engine;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            context.fireChannelRead(msg);
            return;
        }
        if (!held.isEmpty()) {
            held.add(bytes);
            return;
        }
        int at = encryptedRecordStart(bytes);
        if (at < 0) {
            context.fireChannelRead(bytes);
            return;
        }
        if (at > bytes.readerIndex()) {
            context.fireChannelRead(bytes.readRetainedSlice(at - bytes.readerIndex()));
        }
        if (open) {
            pass(context, bytes);
            return;
        }
        held.add(bytes);
        context.channel().config().setAutoRead(false);
    }

    /**
     * The session knows what the connection carries: {@code upload} stops the TLS 1.3 session tickets. Passes on what
     * was held. Call on the channel's event loop; the caller turns reading on again.
     */
    public void open(boolean upload) {
        open = true;
        noTickets = upload;
        if (ctx == null || ctx.isRemoved()) {
            return;
        }
        if (!held.isEmpty()) {
            java.util.List<ByteBuf> waiting = new java.util.ArrayList<>(held);
            held.clear();
            stopTickets();
            waiting.forEach(ctx::fireChannelRead);
            ctx.pipeline().remove(this);
        }
    }

    /** {@code bytes} starts with the client's first encrypted record: set the ticket switch, pass it, step aside. */
    private void pass(ChannelHandlerContext context, ByteBuf bytes) {
        stopTickets();
        context.fireChannelRead(bytes);
        context.pipeline().remove(this);
    }

    private void stopTickets() {
        if (noTickets && engine != null) {
            synchronized (engine) {
                long ssl = engine.sslPointer();
                if (ssl != 0) { // 0: the engine is closed already
                    io.netty.internal.tcnative.SSL.setOptions(ssl, io.netty.internal.tcnative.SSL.SSL_OP_NO_TICKET);
                }
            }
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        while (!held.isEmpty()) {
            held.poll().release(); // the connection closed while they were held
        }
    }

    /** Walks the record headers in {@code bytes} (without reading it): where an encrypted record begins, else -1. */
    private int encryptedRecordStart(ByteBuf bytes) {
        int i = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (i < end) {
            if (bodyLeft > 0) {
                int skip = Math.min(bodyLeft, end - i);
                i += skip;
                bodyLeft -= skip;
                continue;
            }
            if (headerBytes == 0 && bytes.getByte(i) == APPLICATION_DATA) {
                return i;
            }
            header[headerBytes++] = bytes.getByte(i++);
            if (headerBytes == HEADER) {
                headerBytes = 0;
                bodyLeft = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
            }
        }
        return -1;
    }
}
