package org.opencs.tn3270.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.nio.AbstractNioChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * CONNTYPE SECURE on a SECUREPORT, as IBM describes it ("the default action that Telnet takes for a secure port is to
 * first attempt a TLS handshake. If the client does not start the handshake within the specified handshake timeout
 * time, an attempt is made to negotiate TLS as defined by the expired TLS-based Telnet security draft", z/OS IP
 * Configuration Guide, "Transport Layer Security"): the first bytes tell (a TLS record starts 16 03 0n, a telnet
 * client's first byte is IAC). A handshake goes to TLS at once; telnet bytes mean the client negotiates, and the
 * session is told to offer START_TLS. Silence for the wait ({@link #WAIT} unless configured) offers START_TLS too.
 *
 * <p>The decision is made on what arrives, not on the timer: when the wait runs out, what the socket already holds
 * is read first (on a loaded server the timer can run before the read of a ClientHello that came in time), and START_TLS
 * is offered only when nothing came. A ClientHello that comes after the offer is still served (issue 12: a reconnect
 * storm made 1,431 of 3,000 clients late): the handshake starts as if it had come first. The client has the three
 * offer bytes (IAC DO START_TLS) before the ServerHello; one that has read them, or whose ClientHello crossed them,
 * goes on. Until the first bytes come this handler stays in the pipeline; the session's negotiation deadline is what
 * ends a connection that never sends anything. Once it decided it leaves the pipeline, passing on what it read.
 */
final class TlsDetector extends ByteToMessageDecoder {
    /**
     * How long the client has to begin its handshake before START_TLS is offered (OpenCS's default; z/OS passes
     * SSLTIMEOUT to the handshake for this). 5 s: a direct-TLS client sends its ClientHello right after connecting,
     * but in a reconnect storm the terminals' own machines and the network are loaded too (issue 12 measured
     * ClientHellos 1.5 s late); a client that negotiates TLS in telnet says so with its first bytes and is not kept
     * waiting; only a silent negotiation-first client waits this long for DO START_TLS.
     */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);

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
    private final long waitMillis;
    private final Executor handshakeTasks;
    private ScheduledFuture<?> timeout;
    /** Whether the wait ran out and START_TLS was offered. */
    private boolean offered;

    /**
     * {@code wait}: how long a silent client has before START_TLS is offered; {@code handshakeTasks}: where the TLS
     * engine's delegated tasks (key operations) run, off the I/O thread.
     */
    TlsDetector(SslContext tls, org.slf4j.Logger log, org.opencs.pki.tls.trace.TlsTrace trace, java.time.Duration wait,
                Executor handshakeTasks) {
        this.tls = tls;
        this.log = log;
        this.trace = trace;
        this.waitMillis = wait.toMillis();
        this.handshakeTasks = handshakeTasks;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> waitOver(ctx), waitMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean tlsStart = in.getUnsignedByte(in.readerIndex()) == 0x16;
        if (in.readableBytes() < 5 && tlsStart) {
            return; // possibly the start of a TLS record: wait for its header
        }
        timeout.cancel(false);
        // Fewer than five bytes not starting 16 are telnet (IAC WILL START_TLS is three): isEncrypted needs five.
        boolean handshake = tlsStart && SslHandler.isEncrypted(in, false);
        if (handshake) {
            if (offered) {
                log.info("OCST023I Client {} began its TLS handshake after the {} ms wait, when START_TLS had been "
                        + "offered; the handshake goes on", ConnectionFacts.client(ctx.channel()), waitMillis);
            }
            // The handler goes in behind this one, then the trace's in front of it, and this one leaves last: what it
            // read reaches the trace's ClientHello watcher first.
            SslHandler ssl = tls.newHandler(ctx.alloc(), handshakeTasks);
            ssl.setHandshakeTimeoutMillis(0); // the session's negotiation deadline bounds it (not Netty's 10 s)
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

    /**
     * The wait ran out: first what the socket holds is read (it reaches {@link #decode} if anything came); only when
     * the detector is still undecided after that is START_TLS offered. It stays to see the client's first bytes.
     */
    private void waitOver(ChannelHandlerContext ctx) {
        if (ctx.isRemoved() || offered || !ctx.channel().isActive()) {
            return;
        }
        if (ctx.channel().unsafe() instanceof AbstractNioChannel.NioUnsafe nio) {
            nio.read();
        }
        if (!ctx.isRemoved() && !offered && ctx.channel().isActive()) {
            offered = true;
            ctx.fireUserEventTriggered(START_TLS_NEEDED);
        }
    }
}
