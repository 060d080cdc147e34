package org.opencs.pki.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The PROXY protocol (HAProxy's, versions 1 and 2: https://www.haproxy.org/download/2.6/doc/proxy-protocol.txt) in
 * front of a server's own pipeline, decoded by Netty's {@link HAProxyMessageDecoder}. A connection from a trusted
 * balancer ({@link TrustedBalancers}) must start with a header: its source and destination become the connection's
 * {@link Endpoints}, and only then is the server's pipeline built and told the connection is active, so the server's
 * greeting, session limits and first log line already name the real client. A header that is missing, malformed or
 * late ({@link #HEADER_SECONDS}) ends the connection; so does a header from an address that is not trusted (anyone
 * could claim any address). A LOCAL header is the balancer's own health check (HAProxy's {@code check} connects,
 * sends it and closes): it gets no session, so checks fill no log, count against no session limit and take no LU.
 */
public final class ProxyProtocol {
    /** How long a trusted balancer's connection may take to send its header: HAProxy sends it at once. */
    public static final int HEADER_SECONDS = 10;
    /** The name of the handler that holds a data connection's bytes until the session takes it ({@link #release}). */
    static final String HELD = "proxy-held";

    private ProxyProtocol() {
    }

    /**
     * Builds {@code channel}'s pipeline: at once ({@code start}) when the PROXY protocol is off; at once with a guard
     * that ends the connection if its first bytes are a PROXY header when the peer is not trusted; after the header
     * when it is. {@code refused} receives the reason a connection is ended ("sent no PROXY header within 10 seconds")
     * for the server's own log line; the connection is closed.
     */
    public static void install(SocketChannel channel, TrustedBalancers trusted, Consumer<String> refused,
                               Consumer<SocketChannel> start) {
        if (!trusted.enabled()) {
            start.accept(channel);
        } else if (!trusted.trusts(channel.remoteAddress())) {
            channel.pipeline().addLast("proxy-guard", new UntrustedGuard(refused));
            start.accept(channel);
        } else {
            channel.pipeline().addLast("proxy-sniffer", new HeaderSniffer(refused));
            channel.pipeline().addLast("proxy-decoder", new HAProxyMessageDecoder());
            channel.pipeline().addLast("proxy-header", new HeaderWait(refused, start, false));
        }
    }

    /**
     * As {@link #install} for a passive data connection that reads nothing until its session has put its handlers
     * (TLS, the upload sink) in place: after the header (when there is one) reading stops and any bytes that came with
     * the header are held until {@link #release}. {@code ready} runs on the channel's event loop.
     */
    public static void installHeld(SocketChannel channel, TrustedBalancers trusted, Consumer<String> refused,
                                   Consumer<SocketChannel> ready) {
        if (trusted.enabled() && trusted.trusts(channel.remoteAddress())) {
            channel.pipeline().addLast("proxy-sniffer", new HeaderSniffer(refused));
            channel.pipeline().addLast("proxy-decoder", new HAProxyMessageDecoder());
            channel.pipeline().addLast("proxy-header", new HeaderWait(refused, ready, true));
        } else {
            channel.config().setAutoRead(false);
            ready.accept(channel);
        }
    }

    /**
     * Adds {@code handler} first among the session's handlers of a connection from {@link #installHeld}: after the
     * held bytes, which belong in front of everything the session puts there (TLS first of all), and after the
     * {@link WireBytes} counter, which counts what the socket carries.
     */
    public static void addFirst(ChannelPipeline pipeline, String name, ChannelHandler handler) {
        if (pipeline.get(HELD) != null) {
            pipeline.addAfter(HELD, name, handler);
        } else if (pipeline.get(WireBytes.NAME) != null) {
            pipeline.addAfter(WireBytes.NAME, name, handler); // the wire byte counter stays first
        } else {
            pipeline.addFirst(name, handler);
        }
    }

    /** Passes the bytes held since the header on to the session's handlers; then the caller turns reading on. */
    public static void release(ChannelPipeline pipeline) {
        if (pipeline.get(HELD) != null) {
            try {
                pipeline.remove(HELD);
            } catch (java.util.NoSuchElementException e) {
                // released already
            }
        }
    }

    /** The header's endpoints, or null for a LOCAL header or one naming no internet addresses (UNKNOWN). */
    static Endpoints endpoints(HAProxyMessage header) {
        if (header.command() != HAProxyCommand.PROXY || header.sourceAddress() == null
                || header.destinationAddress() == null) {
            return null;
        }
        InetAddress source = NetUtil.createInetAddressFromIpAddressString(header.sourceAddress());
        InetAddress destination = NetUtil.createInetAddressFromIpAddressString(header.destinationAddress());
        if (source == null || destination == null) {
            return null; // AF_UNIX: no internet address to name
        }
        return new Endpoints(new InetSocketAddress(source, header.sourcePort()),
                new InetSocketAddress(destination, header.destinationPort()));
    }

    /** Waits for a trusted balancer's header, records its endpoints, then builds the server's pipeline. */
    private static final class HeaderWait extends ChannelInboundHandlerAdapter {
        private final Consumer<String> refused;
        private final Consumer<SocketChannel> start;
        private final boolean hold;
        private ScheduledFuture<?> timer;
        private boolean done;
        /** A LOCAL header came: the balancer's health check, which HAProxy ends with a reset. */
        private boolean healthCheck;

        HeaderWait(Consumer<String> refused, Consumer<SocketChannel> start, boolean hold) {
            this.refused = refused;
            this.start = start;
            this.hold = hold;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // Not passed on: the server's pipeline does not exist yet; it hears channelActive once the header is in.
            timer = ctx.executor().schedule(() -> fail(ctx, "sent no PROXY protocol header within " + HEADER_SECONDS
                    + " seconds"), HEADER_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (done) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (!(msg instanceof HAProxyMessage header)) {
                ReferenceCountUtil.release(msg);
                fail(ctx, "sent data that is not a PROXY protocol header");
                return;
            }
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
            if (header.command() == HAProxyCommand.LOCAL) {
                // The balancer's own health check (HAProxy's "check" sends LOCAL, then closes): no session, no log
                // line, no session count; the connection is closed if the balancer leaves it open.
                header.release();
                healthCheck = true;
                ctx.executor().schedule(() -> ctx.close(), HEADER_SECONDS, TimeUnit.SECONDS);
                return;
            }
            try {
                Endpoints endpoints = endpoints(header);
                if (endpoints != null) {
                    ctx.channel().attr(Endpoints.KEY).set(endpoints);
                }
            } finally {
                header.release();
            }
            SocketChannel channel = (SocketChannel) ctx.channel();
            if (hold) {
                channel.config().setAutoRead(false);
                // Bytes that came with the header (a TLS ClientHello) wait here for the session's handlers.
                ctx.pipeline().replace(this, HELD, new HeldBytes());
                start.accept(channel);
                return;
            }
            start.accept(channel);
            // The server's handlers follow this one: they hear that the connection is active, then whatever bytes
            // came behind the header (the decoder passes them on as it leaves the pipeline).
            ctx.fireChannelActive();
            ctx.pipeline().remove(this);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (healthCheck) {
                ctx.close(); // a check's reset: nothing to report
                return;
            }
            if (done) {
                ctx.fireExceptionCaught(cause);
                return;
            }
            if (cause instanceof java.io.IOException) {
                // A reset before the header: HAProxy ends its health checks so, often before the header is read.
                done = true;
                ctx.close();
                return;
            }
            Throwable innermost = cause;
            while (innermost.getCause() != null && innermost.getCause() != innermost) {
                innermost = innermost.getCause();
            }
            String detail = innermost.getMessage() == null ? "" : ": " + innermost.getMessage();
            fail(ctx, "sent no valid PROXY protocol header" + detail);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (timer != null) {
                timer.cancel(false);
            }
            // Closed before its header: the balancer's health check (HAProxy resets a check's connection, which can
            // take the header with it), not worth a log line.
            done = true;
        }

        private void fail(ChannelHandlerContext ctx, String reason) {
            if (done) {
                return;
            }
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
            refused.accept(reason);
            ctx.close();
        }
    }

    /** Holds a data connection's bytes from behind the header; passes them on when removed ({@link #release}). */
    private static final class HeldBytes extends ChannelInboundHandlerAdapter {
        private CompositeByteBuf held;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf bytes)) {
                ctx.fireChannelRead(msg);
                return;
            }
            if (held == null) {
                held = ctx.alloc().compositeBuffer();
            }
            held.addComponent(true, bytes);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            // nothing to tell the session's handlers until the held bytes go to them
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A reset before the session took the connection: closed; the session finds it closed (425 or 426).
            ctx.close();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (held != null) {
                CompositeByteBuf bytes = held;
                held = null;
                if (ctx.channel().isActive() && bytes.isReadable()) {
                    ctx.fireChannelRead(bytes);
                    ctx.fireChannelReadComplete();
                } else {
                    bytes.release();
                }
            }
        }
    }

    /**
     * Ends at once a trusted balancer's connection whose first bytes cannot begin a PROXY header (a balancer whose
     * server line lacks send-proxy: a TLS ClientHello or a client's command), rather than after the header wait;
     * else steps aside for the decoder.
     */
    private static final class HeaderSniffer extends ChannelInboundHandlerAdapter {
        private final Consumer<String> refused;

        HeaderSniffer(Consumer<String> refused) {
            this.refused = refused;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes && HAProxyMessageDecoder.detectProtocol(bytes).state()
                    == ProtocolDetectionState.INVALID) {
                bytes.release();
                refused.accept("sent no PROXY protocol header (send-proxy-v2 or send-proxy missing on the balancer's"
                        + " server line?)");
                ctx.close();
                return;
            }
            // A header begins (or too little came to tell, which a header sent in one piece never is): the decoder
            // takes it from here.
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(msg);
        }
    }

    /** Ends a connection from an untrusted address whose first bytes are a PROXY header; else steps aside. */
    private static final class UntrustedGuard extends ChannelInboundHandlerAdapter {
        private final Consumer<String> refused;

        UntrustedGuard(Consumer<String> refused) {
            this.refused = refused;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.pipeline().remove(this);
            // A header is always sent in one piece of at least 15 bytes; fewer than detectProtocol's 12 are data.
            if (msg instanceof ByteBuf bytes && HAProxyMessageDecoder.detectProtocol(bytes).state()
                    == ProtocolDetectionState.DETECTED) {
                bytes.release();
                refused.accept("sent a PROXY protocol header but is not a trusted load balancer ("
                        + TrustedBalancers.KEY + ")");
                ctx.close();
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
