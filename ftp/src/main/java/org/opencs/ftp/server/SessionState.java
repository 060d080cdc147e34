package org.opencs.ftp.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.opencs.datasets.Catalog;
import org.opencs.saf.users.User;

/**
 * What one control connection has set so far: logon, protection, transfer type, both working directories (the MVS
 * prefix and the HFS path are kept apart, as z/OS does, so switching between them loses neither), SITE settings, a
 * pending RNFR or REST, the passive listener and the byte counters for the activity log.
 */
final class SessionState {
    final FtpSessionContext context;
    final ChannelHandlerContext ctx;
    final String sessionId;
    final boolean implicitTls;
    /** The session in the node's live sessions (the console's view): user ID, TLS and wire bytes go there too. */
    final org.opencs.core.sessions.LiveSession live;
    final SiteSettings site;
    /** The session's general traces (FTP.DATA DEBUG, then SITE DEBUG=). */
    final SessionTrace trace;
    /** The facts MLST and MLSD give (OPTS MLST selects them; all by default). */
    java.util.Set<String> mlstFacts = new java.util.LinkedHashSet<>(HfsPaths.FACTS);
    String pendingUser;
    User user;
    boolean tls;
    boolean pbsz;
    boolean protectData;
    char type = 'A';
    boolean recordStructure;
    String cwd = "/";
    boolean mvs;
    String prefix = "";
    String renameFrom;
    long restartOffset;
    PassiveListener passive;
    java.net.InetSocketAddress activeTarget;
    long bytesIn;
    long bytesOut;
    /** The data connection of the transfer in progress, or null. */
    io.netty.channel.socket.SocketChannel dataChannel;
    /** The wait for the client's data connection, while there is one (ABOR and shutdown end it). */
    java.util.concurrent.CompletableFuture<io.netty.channel.socket.SocketChannel> pendingConnection;
    /** Set by ABOR or the server's shutdown: the transfer in progress ends with 426 and nothing is committed. */
    boolean aborted;
    /** The last data connection: when it opened and its two ends (SMF 119 transfer records). */
    java.time.Instant dataOpened;
    java.net.SocketAddress dataRemote;
    java.net.SocketAddress dataLocal;
    /** The three-digit code of the last reply sent (SMF 119 records of DELE and RNTO), or null before any. */
    String lastReplyCode;

    SessionState(FtpSessionContext context, ChannelHandlerContext ctx, String sessionId, boolean implicitTls,
                 org.opencs.core.sessions.LiveSession live) {
        this.context = context;
        this.live = live;
        this.ctx = ctx;
        this.sessionId = sessionId;
        this.implicitTls = implicitTls;
        this.site = new SiteSettings(context.config().jes());
        this.trace = new SessionTrace(context.trace(), sessionId, context.config().debug());
    }

    /** The session's own executor: every step of a command, and every continuation of a transfer, runs on it. */
    java.util.concurrent.Executor executor() {
        return ctx.executor();
    }

    /** Ends the transfer in progress, if any: its data connection is closed or its wait for one ends. */
    void abortTransfer() {
        aborted = true;
        if (pendingConnection != null) {
            pendingConnection.complete(null);
        }
        if (dataChannel != null) {
            dataChannel.close();
        }
    }

    void reply(String text) {
        traceReply(text);
        String last = text.substring(text.lastIndexOf("\r\n") + 1).strip();
        lastReplyCode = last.length() >= 3 ? last.substring(0, 3) : last;
        ctx.writeAndFlush(text + "\r\n");
    }

    /** CMD: each line of a reply as it goes to the client. */
    void traceReply(String text) {
        if (trace.on(TracePoint.REPLY)) {
            for (String line : text.split("\r\n")) {
                trace.trace(TracePoint.REPLY, line);
            }
        }
    }

    /** Whether SITE FILETYPE=JES is in force (only possible when the server has a JES interface). */
    boolean jesMode() {
        return context.jes() != null && site.fileType.equals("JES");
    }

    boolean ascii() {
        return type == 'A';
    }

    /** The realm an argument names and the name within it ({@link FtpNames}); an empty one is the working directory's. */
    FtpNames.Name name(String argument) {
        return FtpNames.of(argument, mvs, site.quotesOverride);
    }

    Catalog catalog() {
        return new Catalog(context.registry().home(), context.registry().clock());
    }

    void activity(String messageId, String text) {
        context.activity().write(messageId, sessionId, text);
    }

    /** The control connection's TLS session, or null before AUTH. */
    SSLSession tlsSession() {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine().getSession();
    }

    X509Certificate peerCertificate() {
        SSLSession session = tlsSession();
        if (session == null) {
            return null;
        }
        try {
            var chain = session.getPeerCertificates();
            return chain.length > 0 ? (X509Certificate) chain[0] : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The control connection's TLS protocol and cipher suite, for audit records. */
    String tlsDescription() {
        SSLSession session = tlsSession();
        return session == null ? "none" : session.getProtocol() + " " + session.getCipherSuite();
    }

    /** Notes a new data connection for the transfer's SMF record. */
    void dataConnectionOpened(io.netty.channel.socket.SocketChannel data) {
        dataOpened = context.registry().clock().instant();
        dataRemote = org.opencs.pki.net.Endpoints.client(data);
        dataLocal = org.opencs.pki.net.Endpoints.server(data);
    }

    void closePassive() {
        if (passive != null) {
            passive.close();
            passive = null;
        }
    }
}
