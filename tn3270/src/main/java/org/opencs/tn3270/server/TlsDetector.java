package org.opencs.tn3270.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * CONNTYPE SECURE on a SECUREPORT, as IBM describes it: the server first waits for a TLS ClientHello; the first bytes
 * tell (a TLS record starts 16 03 0n, a telnet client's first byte is IAC). A handshake goes to TLS at once; telnet
 * bytes, or silence for {@link #WAIT_MILLIS}, mean the client expects negotiation, and the session is told to
 * negotiate START_TLS instead. Either way this handler then leaves the pipeline, passing on what it read. A direct-TLS
 * client so slow that its ClientHello comes after the START_TLS offer cannot be served (it has read telnet bytes where
 * it expected a ServerHello): it is disconnected at once with a message, rather than left waiting.
 */
final class TlsDetector extends ByteToMessageDecoder {
    static final long WAIT_MILLIS = 1500;

    /** Fired when no ClientHello came: the session must negotiate START_TLS. */
    static final Object START_TLS_NEEDED = new Object() {
        @Override
        public String toString() {
            return "START_TLS_NEEDED";
        }
    };

    private final SslContext tls;
    private final org.slf4j.Logger log;
    private final org.opencs.pki.tls.trace.TlsTrace trace;
    private ScheduledFuture<?> timeout;
    /** Whether the wait ran out and START_TLS was offered: the client's first bytes must be telnet now. */
    private boolean offered;

    TlsDetector(SslContext tls, org.slf4j.Logger log, org.opencs.pki.tls.trace.TlsTrace trace) {
        this.tls = tls;
        this.log = log;
        this.trace = trace;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> startTls(ctx), WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5 && in.getUnsignedByte(in.readerIndex()) == 0x16) {
            return; // possibly the start of a TLS record: wait for its header
        }
        timeout.cancel(false);
        boolean handshake = SslHandler.isEncrypted(in, false);
        if (handshake && offered) {
            log.warn("OCST023W Client {} began a TLS handshake after {} ms, when START_TLS had been offered; connection "
                    + "closed (the client may connect again)", ConnectionFacts.client(ctx.channel()), WAIT_MILLIS);
            in.skipBytes(in.readableBytes());
            ctx.close();
        } else if (handshake) {
            // The handler goes in behind this one, then the trace's in front of it, and this one leaves last: what it
            // read reaches the trace's ClientHello watcher first.
            SslHandler ssl = tls.newHandler(ctx.alloc());
            ctx.pipeline().addAfter(ctx.name(), "tls", ssl);
            trace.attach(ctx.pipeline(), ssl, "TN3270");
            ctx.pipeline().remove(this);
        } else {
            ctx.pipeline().remove(this);
            if (!offered) {
                ctx.fireUserEventTriggered(START_TLS_NEEDED);
            }
        }
    }

    /** The wait ran out: START_TLS is offered; the detector stays to see what the client's first bytes are. */
    private void startTls(ChannelHandlerContext ctx) {
        if (ctx.pipeline().context(this) != null && !offered) {
            offered = true;
            ctx.fireUserEventTriggered(START_TLS_NEEDED);
        }
    }
}
