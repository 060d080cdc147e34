package org.opencs.pki.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.opencs.core.sessions.LiveSession;
import org.opencs.core.sessions.SessionKind;
import org.opencs.core.sessions.LiveSessions;
import org.opencs.core.sessions.SessionEnder;

/**
 * Counts a connection's bytes on the wire (TLS records as sent and received) into its {@link LiveSession}: the first
 * handler of the pipeline, so it sees what the socket reads and is asked to write. Lock-free ({@link LiveSession}'s
 * adders); it changes nothing it passes on. Handlers that must come first (TLS) go after it through
 * {@link ProxyProtocol#addFirst}.
 */
public final class WireBytes extends ChannelDuplexHandler {
    /** The handler's name in the pipeline. */
    public static final String NAME = "wire-bytes";

    private final LiveSession session;

    private WireBytes(LiveSession session) {
        this.session = session;
    }

    /**
     * Registers {@code channel} (a server's connection, its client known) in {@code sessions} as a session of
     * {@code kind}, ended by {@code ender}: its real client address and local port, its bytes counted from now on by a
     * handler put first in its pipeline, and its removal from the registry when it closes.
     */
    public static LiveSession register(LiveSessions sessions, SessionKind kind, Channel channel, SessionEnder ender) {
        Endpoints ends = Endpoints.of(channel);
        String client = ends.client() == null ? "" : ends.client().getAddress().getHostAddress();
        LiveSession session = sessions.open(kind, client, ends.server() == null ? 0 : ends.server().getPort(), ender);
        count(channel, session);
        channel.closeFuture().addListener(f -> session.closed());
        return session;
    }

    /** Counts {@code channel}'s wire bytes into {@code session} too (an FTP data connection: its session's). */
    public static void count(Channel channel, LiveSession session) {
        channel.pipeline().addFirst(NAME, new WireBytes(session));
    }

    /**
     * Tells {@code session} its TLS facts once {@code ssl}'s handshake has succeeded: protocol, cipher suite and the
     * client certificate's subject (RFC 2253), if the client sent one.
     */
    public static void watchTls(SslHandler ssl, LiveSession session) {
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                SSLSession tls = ssl.engine().getSession();
                session.tls(tls.getProtocol(), tls.getCipherSuite(), subject(tls));
            }
        });
    }

    private static String subject(SSLSession tls) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x
                    ? x.getSubjectX500Principal().getName() : "";
        } catch (SSLPeerUnverifiedException e) {
            return ""; // no client certificate
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        session.received(size(msg));
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        session.sent(size(msg));
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        if (msg instanceof FileRegion region) {
            return region.count() - region.transferred();
        }
        return 0;
    }
}
