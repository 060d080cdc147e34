package org.opencs.ftp.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.ClientAuth;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.opencs.ftp.config.FtpData;
import org.opencs.pki.tls.SessionReuseTls;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;

/**
 * The FTP server: a Netty pipeline per control connection (line framing, text codec, then the session on a bounded
 * worker pool, because logons hash passwords and transfers touch the disk). TLS comes from the FTP.DATA KEYRING.
 */
public final class FtpServer implements AutoCloseable {
    /** The longest command line accepted; longer ones get a 500 reply and are skipped. */
    static final int MAX_LINE = 8192;
    /** The user event that tells every session the server is stopping (426 for a transfer, then 421). */
    static final Object SHUTDOWN = new Object();
    /** How long close() lets sessions say goodbye before it closes what is left. */
    private static final long SHUTDOWN_MILLIS = 3000;
    /** How long the thread groups must see no new task before they stop (close()). */
    private static final long QUIET_MILLIS = 100;
    /** The server log's name, as z/OS's FTP server is the started task FTPD. */
    public static final String LOG_NAME = "FTPD";
    /** The logger of the FTPLOGGING activity records (EZYFS...): the system log's, not the console's. */
    public static final String ACTIVITY_LOG_NAME = "FTPD.ACTIVITY";
    /** The most RETRs that may wait for their submitted jobs at once; one more is told to try again (421). */
    static final int JES_WAITERS = 32;

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventExecutorGroup sessions = new DefaultEventExecutorGroup(16);
    /** Threads that wait for submitted jobs to end (RETR with JESGETBYDSN waits up to JESPUTGETTO seconds). */
    private final java.util.concurrent.ExecutorService jesWaits = new java.util.concurrent.ThreadPoolExecutor(0,
            JES_WAITERS, 60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            r -> {
                Thread t = new Thread(r, "ftp-jes-wait");
                t.setDaemon(true);
                return t;
            });
    /** Every open connection, so close() can end them and wait until their last log and audit lines are written. */
    private final io.netty.channel.group.ChannelGroup connections =
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    private final Channel listener;
    private final Channel implicitListener;
    private final SessionLimiter limiter;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final org.slf4j.Logger log;
    /** The general trace lines' writer (FTP.DATA DEBUG, SITE DEBUG=). */
    private final FtpTrace trace;
    /** The node's live sessions, where every control connection is registered. */
    private final org.opencs.core.sessions.LiveSessions live;

    public FtpServer(FtpData config, Registry registry, String bindAddress, int port) throws InterruptedException {
        this(config, registry, bindAddress, port, config.tlsPort() == null ? -1 : config.tlsPort());
    }

    /**
     * {@code tlsPort} serves implicit TLS (FTP.DATA TLSPORT; 0 picks a free port, -1 none). Control and data
     * connections offer TLS 1.3 and 1.2 and data connections resume the control connection's session
     * ({@link SessionReuseTls}; on the JDK's engine, the fallback, data connections and under SECURE_SESSION_REUSE
     * REQUIRED control connections stay at TLS 1.2). The cipher suites are FTP.DATA's CIPHERSUITE list, else the
     * defaults ({@link SystemSsl#DEFAULT_CIPHER_SUITES}).
     */
    public FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort)
            throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, null);
    }

    /**
     * As above, with the JES interface: {@code jes} serves SITE FILETYPE=JES (submit, list, retrieve and delete
     * jobs; zos-ftp.md sections 1.5 and 2.6); null for none, and then FILETYPE=JES is refused as not configured.
     */
    public FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort,
                     org.opencs.ftp.jes.JobEntrySubsystem jes) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, jes, org.opencs.pki.tls.trace.TlsTrace.off());
    }

    /**
     * As above, tracing every TLS connection, control and data, to {@code trace} (the System SSL trace of GSK_TRACE
     * and GSK_TRACE_FILE; docs/diagnostics.md). The caller owns the trace and closes it after the server.
     */
    public FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort,
                     org.opencs.ftp.jes.JobEntrySubsystem jes, org.opencs.pki.tls.trace.TlsTrace trace)
            throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, jes, trace, FtpFrontEnd.DIRECT);
    }

    /**
     * As above, behind {@code frontEnd}: connections from its load balancers start with a PROXY protocol header
     * naming the real client, and PASV names the address the client connected to (docs/deployment.md "Behind a load
     * balancer").
     */
    public FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort,
                     org.opencs.ftp.jes.JobEntrySubsystem jes, org.opencs.pki.tls.trace.TlsTrace trace,
                     FtpFrontEnd frontEnd) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, jes, trace, frontEnd,
                new org.opencs.core.sessions.LiveSessions(registry.clock()));
    }

    /**
     * As above, registering every control connection in {@code live}, the node's live sessions (user ID at logon, TLS
     * protocol and cipher, bytes on the wire with its data connections'), from which the console ends one: the client
     * hears {@code 421 OCSF040I} and the connection closes (docs/ftp.md "Sessions ended from the console").
     */
    public FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort,
                     org.opencs.ftp.jes.JobEntrySubsystem jes, org.opencs.pki.tls.trace.TlsTrace trace,
                     FtpFrontEnd frontEnd, org.opencs.core.sessions.LiveSessions live) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, config.dataTimeout(), registry.config().ftpLimits(),
                org.slf4j.LoggerFactory.getLogger(LOG_NAME), org.slf4j.LoggerFactory.getLogger(FtpTrace.LOG_NAME), jes,
                trace, frontEnd, live);
    }

    /**
     * As above, with the data connection timer (seconds: how long a data connection may take to arrive, and a
     * transfer may move no byte; FTP.DATA DATATIMEOUT, 0 = none) and the session limits given rather than configured.
     */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, dataTimeoutSeconds, limits,
                org.slf4j.LoggerFactory.getLogger(LOG_NAME), null);
    }

    /** As above, writing the server log (OCSFnnn lines) to {@code log}, with the JES interface {@code jes} (or null). */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits, org.slf4j.Logger log, org.opencs.ftp.jes.JobEntrySubsystem jes)
            throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, dataTimeoutSeconds, limits, log,
                org.slf4j.LoggerFactory.getLogger(FtpTrace.LOG_NAME), jes, org.opencs.pki.tls.trace.TlsTrace.off());
    }

    /** As above, with the System SSL trace {@code tlsTrace}. */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits, org.slf4j.Logger log, org.opencs.ftp.jes.JobEntrySubsystem jes,
              org.opencs.pki.tls.trace.TlsTrace tlsTrace) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, dataTimeoutSeconds, limits, log,
                org.slf4j.LoggerFactory.getLogger(FtpTrace.LOG_NAME), jes, tlsTrace);
    }

    /**
     * As above, writing the general trace lines (FTP.DATA DEBUG, SITE DEBUG=) to {@code traceLog} rather than the
     * system log's {@value FtpTrace#LOG_NAME}.
     */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits, org.slf4j.Logger log, org.slf4j.Logger traceLog,
              org.opencs.ftp.jes.JobEntrySubsystem jes) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, dataTimeoutSeconds, limits, log, traceLog, jes,
                org.opencs.pki.tls.trace.TlsTrace.off());
    }

    /** As above, with the System SSL trace {@code tlsTrace}, directly reached (no load balancer). */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits, org.slf4j.Logger log, org.slf4j.Logger traceLog,
              org.opencs.ftp.jes.JobEntrySubsystem jes, org.opencs.pki.tls.trace.TlsTrace tlsTrace)
            throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, dataTimeoutSeconds, limits, log, traceLog, jes, tlsTrace,
                FtpFrontEnd.DIRECT, new org.opencs.core.sessions.LiveSessions(registry.clock()));
    }

    /** As below, with the server's own live sessions (tests). */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits, org.slf4j.Logger log, org.slf4j.Logger traceLog,
              org.opencs.ftp.jes.JobEntrySubsystem jes, org.opencs.pki.tls.trace.TlsTrace tlsTrace,
              FtpFrontEnd frontEnd) throws InterruptedException {
        this(config, registry, bindAddress, port, tlsPort, dataTimeoutSeconds, limits, log, traceLog, jes, tlsTrace,
                frontEnd, new org.opencs.core.sessions.LiveSessions(registry.clock()));
    }

    /** The constructor every other one calls: all of the above given. */
    FtpServer(FtpData config, Registry registry, String bindAddress, int port, int tlsPort, int dataTimeoutSeconds,
              org.opencs.core.SessionLimits limits, org.slf4j.Logger log, org.slf4j.Logger traceLog,
              org.opencs.ftp.jes.JobEntrySubsystem jes, org.opencs.pki.tls.trace.TlsTrace tlsTrace,
              FtpFrontEnd frontEnd, org.opencs.core.sessions.LiveSessions live) throws InterruptedException {
        this.log = log;
        this.live = live;
        this.trace = new FtpTrace(traceLog);
        org.opencs.pki.tls.KeyRing ring = config.tlsEnabled() || tlsPort >= 0 ? keyRing(config, registry) : null;
        SessionReuseTls tls = ring == null ? null : SessionReuseTls.create(ring, clientAuth(config),
                SystemSsl.cipherSuites(config.cipherSuites()),
                config.secureSessionReuse() == FtpData.SessionReuse.REQUIRED, tlsTrace);
        if (tls != null) {
            log.info("OCSF013I FTP TLS: protocols {}, cipher suites {}, on the {} engine.", String.join(" ", tls.protocols()),
                    String.join(" ", tls.cipherSuites()), tls.nativeEngine() ? "BoringSSL" : "JDK");
        }
        FtpActivityLog activity = new FtpActivityLog(registry.home().logs().resolve("ftp-activity.log"), registry.clock(),
                config.ftpLogging(), org.slf4j.LoggerFactory.getLogger(ACTIVITY_LOG_NAME));
        FtpSessionContext context = new FtpSessionContext(config, registry, tls, workers, activity,
                dataTimeoutSeconds, log, jes, jesWaits, trace, frontEnd, live);
        int leftovers = PartialUploads.removeLeftovers(registry.home().hfs(), registry.home().datasets(),
                registry.config().sysname(), registry.home().isShared(), registry.clock().instant());
        if (leftovers > 0) {
            log.info("OCSF003I {} partial upload(s) left by an earlier run were removed; their targets kept their content.",
                    leftovers);
        }
        if (frontEnd.balancers().enabled()) {
            log.info("OCSF031I FTP connections from {} start with a PROXY protocol header; PASV replies name {}.",
                    frontEnd.balancers(), frontEnd.passiveAddress() != null ? frontEnd.passiveAddress().getHostAddress()
                            : "the address each client connected to");
        } else if (frontEnd.passiveAddress() != null) {
            log.info("OCSF031I FTP PASV replies name {} (ftp.passive.address).", frontEnd.passiveAddress().getHostAddress());
        }
        this.limiter = new SessionLimiter(limits);
        this.listener = bind(context, bindAddress, port, false);
        this.implicitListener = tlsPort < 0 ? null : bind(context, bindAddress, tlsPort, true);
        FtpSmfRecords.daemonConfiguration(config, registry, port(), tlsPort());
    }

    private Channel bind(FtpSessionContext context, String bindAddress, int port, boolean implicitTls)
            throws InterruptedException {
        return new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // Behind a load balancer the session starts once the PROXY header has named the client.
                        org.opencs.pki.net.ProxyProtocol.install(ch, context.frontEnd().balancers(),
                                reason -> log.warn("OCSF030W FTP connection from {} ended: it {}.",
                                        Failures.client(ch), reason),
                                c -> start(c, context, implicitTls));
                    }
                }).bind(bindAddress, port).sync().channel();
    }

    /** A control connection's pipeline, once its client is known: session limits, TLS, framing, the session. */
    private void start(SocketChannel ch, FtpSessionContext context, boolean implicitTls) {
        FtpData config = context.config();
        String refusal = limiter.admit(ch);
        if (refusal != null) {
            // Over a session limit: told so in the clear (RFC 959 421) and closed, before any TLS.
            log.warn("OCSF001W FTP connection from client {} refused: {}.", Failures.client(ch), refusal);
            String reply = "421 Service not available, too many sessions: " + refusal + ".\r\n";
            ch.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(io.netty.channel.ChannelHandlerContext ctx) {
                    ctx.writeAndFlush(io.netty.buffer.Unpooled.copiedBuffer(reply, StandardCharsets.US_ASCII))
                            .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
                }
            });
            return;
        }
        connections.add(ch);
        // In the node's live sessions from now on; the console's End sends the session an OperatorEnd.
        org.opencs.core.sessions.LiveSession session = org.opencs.pki.net.WireBytes.register(live,
                org.opencs.core.sessions.SessionKind.FTP, ch, request -> ch.pipeline().fireUserEventTriggered(
                        new FtpSession.OperatorEnd(request)));
        if (implicitTls && !config.secureImplicitZos()) {
            // SECUREIMPLICITZOS FALSE: the handshake comes first, as ftps:// clients expect.
            var ssl = new io.netty.handler.ssl.SslHandler(context.tls().newControlEngine(ch.alloc()));
            org.opencs.pki.net.WireBytes.watchTls(ssl, session);
            ch.pipeline().addLast("tls", ssl);
            context.tls().trace().attach(ch.pipeline(), ssl, "FTP control");
        }
        if (config.inactiveSeconds() > 0) {
            ch.pipeline().addLast(new io.netty.handler.timeout.IdleStateHandler(0, 0,
                    config.inactiveSeconds()));
        }
        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE));
        ch.pipeline().addLast(new StringDecoder(StandardCharsets.UTF_8));
        ch.pipeline().addLast(new StringEncoder(StandardCharsets.UTF_8));
        ch.pipeline().addLast(sessions, new FtpSession(context, implicitTls, session));
    }

    private static org.opencs.pki.tls.KeyRing keyRing(FtpData config, Registry registry) {
        if (config.keyring() == null) {
            throw new org.opencs.core.ZosException("EZYFS12E", "EXTENSIONS AUTH_TLS needs a KEYRING statement in FTP.DATA.");
        }
        return new KeyRingResolver(registry).resolve(config.keyring());
    }

    /**
     * OPTIONAL rather than REQUIRE: a client without a certificate still completes the handshake and then gets
     * z/OS's "531 Server requires client certificate for login processing" instead of a bare TLS alert.
     */
    private static ClientAuth clientAuth(FtpData config) {
        return config.secureLogin() == FtpData.SecureLogin.NO_CLIENT_AUTH ? ClientAuth.NONE : ClientAuth.OPTIONAL;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The live sessions its control connections are registered in (the node's, or the server's own). */
    public org.opencs.core.sessions.LiveSessions liveSessions() {
        return live;
    }

    /** The implicit-TLS port (TLSPORT), or -1 when there is none. */
    public int tlsPort() {
        return implicitListener == null ? -1 : ((InetSocketAddress) implicitListener.localAddress()).getPort();
    }

    /**
     * Stops the server within seconds: the ports close first (no new client gets in), every session is told (a
     * transfer in progress ends with 426, then 421), and whatever has not closed after a short grace is closed.
     * Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closed already: its event loops are gone
        }
        listener.close().syncUninterruptibly();
        if (implicitListener != null) {
            implicitListener.close().syncUninterruptibly();
        }
        for (Channel connection : connections) {
            connection.pipeline().fireUserEventTriggered(SHUTDOWN);
        }
        connections.newCloseFuture().awaitUninterruptibly(SHUTDOWN_MILLIS);
        connections.close().awaitUninterruptibly();
        // I/O threads and session executors hand work to each other (a write's listener runs on the session's
        // executor, a handler's removal on the I/O thread): all three stop together, each after a short quiet period
        // with nothing submitted, so neither side hands work to an executor that is already gone.
        var quiet = java.util.List.of(boss, workers, sessions).stream()
                .map(g -> g.shutdownGracefully(QUIET_MILLIS, 2000, java.util.concurrent.TimeUnit.MILLISECONDS)).toList();
        quiet.forEach(io.netty.util.concurrent.Future::awaitUninterruptibly);
        jesWaits.shutdownNow(); // a wait for a job ends: its session has been closed already
        trace.close(); // the sessions' last trace lines are written
    }

}
