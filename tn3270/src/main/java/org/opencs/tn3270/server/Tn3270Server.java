package org.opencs.tn3270.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.opencs.core.ZosException;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.tn3270.apps.HostServices;
import org.opencs.tn3270.apps.TsoLogon;
import org.opencs.tn3270.apps.UssLogon;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TN3270E server for one TELNETPARMS port: under CONNTYPE SECURE a direct TLS handshake or else START_TLS,
 * under NEGTSECURE START_TLS, under ANY START_TLS when the client agrees, under BASIC none; then telnet framing, then
 * the session on a bounded worker pool (logons hash passwords). Each session starts with the TSO/E logon panel.
 * A connection is counted against the VTAM's session limits from its first byte, before TLS; one over a limit is
 * refused at once (OCST008W). {@link #close()} stops accepting first, then ends every session within a few seconds.
 */
public final class Tn3270Server implements AutoCloseable {
    /** How long close() lets connections end politely (TLS close_notify) before closing their sockets outright. */
    /** How long the thread groups must see no new task before they stop (close()). */
    private static final long QUIET_MILLIS = 100;
    private static final long CLOSE_MILLIS = 1500;
    /** How long close() waits for the sessions' last log lines and audit records, and then for each thread pool. */
    private static final long DRAIN_MILLIS = 1500;

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventExecutorGroup sessions = new DefaultEventExecutorGroup(8);
    /**
     * The TLS engines' delegated tasks (key exchange and signature: the costly part of a handshake) run here, so the
     * two I/O threads keep reading and accepting while a reconnect storm's handshakes queue up (issue 12).
     */
    private final EventExecutorGroup handshakes = new DefaultEventExecutorGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    /** Every open connection, so close() can end them; one that registers after close() began is closed at once. */
    private final ChannelGroup connections = new DefaultChannelGroup("tn3270", GlobalEventExecutor.INSTANCE, true);
    private final OpenSessions open = new OpenSessions();
    private final Logger log;
    private final Registry registry;
    /** The node's live sessions (HostServices.live()). */
    private final org.opencs.core.sessions.LiveSessions live;
    private final Vtam vtam;
    private final Channel listener;
    private final int boundPort;
    private volatile boolean closing;

    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort) throws InterruptedException {
        this(port, registry, bindAddress, listenPort, "TSO");
    }

    /**
     * Only DEFAULTAPPL from BEGINVTAM (LU names TCP00001 ..., printers PRT00001 ...): the application every session
     * starts (an APPLID starting TSO, e.g. TSO3090, is the built-in TSO: PassTickets in its logon panel are evaluated
     * for that APPLID unless Express Logon named another); null shows the USS logon screen, where the user names it.
     * The session limits are system.conf's (tn3270.max.sessions, tn3270.max.sessions.per.client).
     */
    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort, String defaultAppl)
            throws InterruptedException {
        this(port, registry, bindAddress, listenPort, new Vtam(VtamConfig.defaultAppl(defaultAppl),
                registry.config().tn3270Limits()));
    }

    /**
     * {@code vtam}: BEGINVTAM (DEFAULTAPPL, LU pools and maps), the LUs and printers in use and the connections held
     * against the session limits, shared by every port of the process so that an LU name is never given twice, a
     * printer on one port serves a terminal on another and the limits count every port. The server attaches it to
     * {@code registry}: the LU names in use are ENQs OCSLU that every node on that registry sees ({@link Vtam#attach}).
     */
    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort, Vtam vtam)
            throws InterruptedException {
        this(port, registry, bindAddress, listenPort, vtam, LoggerFactory.getLogger("TN3270E"));
    }

    /**
     * As above, for a system with JES2 ({@code jes}; null: without it): READY then runs SUBMIT, STATUS, CANCEL and
     * OUTPUT, the primary menu has the job list (SDSF's ST), and a job's NOTIFY message reaches its user's sessions.
     */
    public Tn3270Server(TelnetPort port, Registry registry, org.opencs.jes.Jes jes, String bindAddress, int listenPort,
                        Vtam vtam) throws InterruptedException {
        this(port, HostServices.of(registry, jes), bindAddress, listenPort, vtam, LoggerFactory.getLogger("TN3270E"));
    }

    /** As above, writing the server's log lines (OCSTnnn messages) to {@code log}. */
    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort, Vtam vtam, Logger log)
            throws InterruptedException {
        this(port, HostServices.of(registry), bindAddress, listenPort, vtam, log, NEGOTIATION_TIMEOUT);
    }

    /**
     * The applications' services ({@code services}: registry, JES2 or none, TSO processor), VTAM and log: the
     * constructor the others come to.
     */
    public Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam,
                        Logger log) throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, NEGOTIATION_TIMEOUT);
    }

    /**
     * How long a connection may take from its first byte to its first screen (a printer: to being ready for print
     * jobs): TLS, option negotiation, DEVICE-TYPE or TERMINAL-TYPE, FUNCTIONS, Express Logon's NEW-ENVIRON answer and
     * an IBM-DYNAMIC terminal's query reply. A client that has not got there by then is waiting for something, or
     * the server is waiting for an answer the client will never send: either way the connection is closed with a
     * log line saying what was missing (OCST071E). It also bounds the TLS handshake (Netty's own 10 s handshake timer
     * is off). IBM documents no such timer (SSLTIMEOUT bounds the TLS handshake alone); clients complete all of
     * it within a second when the server is idle, but after a network outage thousands reconnect at once and the
     * last of them waits for the server's handshakes with all the others (issue 12: 12 s for 3,000 on two cores), so
     * the bound is generous: it is for connections that are truly stuck, not for slow ones.
     */
    static final java.time.Duration NEGOTIATION_TIMEOUT = java.time.Duration.ofSeconds(60);

    /**
     * As above, tracing every TLS connection to {@code trace} (the System SSL trace of GSK_TRACE and GSK_TRACE_FILE;
     * docs/diagnostics.md). The caller owns the trace and closes it after the server.
     */
    public Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam,
                        Logger log, org.opencs.pki.tls.trace.TlsTrace trace) throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, NEGOTIATION_TIMEOUT, trace);
    }

    /**
     * As above, behind load balancers ({@code balancers}, system.conf proxy.protocol.from): their connections start
     * with a PROXY protocol header naming the real client, which the session limits, log lines, SMF and audit
     * records then name (docs/deployment.md "Behind a load balancer").
     */
    public Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam,
                        Logger log, org.opencs.pki.tls.trace.TlsTrace trace, org.opencs.pki.net.TrustedBalancers balancers)
            throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, NEGOTIATION_TIMEOUT,
                LoggerFactory.getLogger(DebugLog.LOGGER), trace, balancers);
    }

    /** As above, with another {@link #NEGOTIATION_TIMEOUT} (tests). */
    Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam, Logger log,
                 java.time.Duration negotiationTimeout) throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, negotiationTimeout,
                LoggerFactory.getLogger(DebugLog.LOGGER), org.opencs.pki.tls.trace.TlsTrace.off());
    }

    /** As above, with the System SSL trace {@code trace}. */
    Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam, Logger log,
                 java.time.Duration negotiationTimeout, org.opencs.pki.tls.trace.TlsTrace trace)
            throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, negotiationTimeout,
                LoggerFactory.getLogger(DebugLog.LOGGER), trace);
    }

    /**
     * As above, writing the DEBUG lines (EZZ6034I, EZZ6035I) to {@code debugLog} instead of the logger
     * {@value DebugLog#LOGGER} (tests).
     */
    Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam, Logger log,
                 java.time.Duration negotiationTimeout, Logger debugLog) throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, negotiationTimeout, debugLog,
                org.opencs.pki.tls.trace.TlsTrace.off());
    }

    /** As below, reached directly (no load balancer). */
    Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam, Logger log,
                 java.time.Duration negotiationTimeout, Logger debugLog, org.opencs.pki.tls.trace.TlsTrace trace)
            throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, negotiationTimeout, debugLog, trace,
                org.opencs.pki.net.TrustedBalancers.none());
    }

    /** As below, with the default wait for a ClientHello ({@link TlsDetector#WAIT}) and listen queue. */
    Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam, Logger log,
                 java.time.Duration negotiationTimeout, Logger debugLog, org.opencs.pki.tls.trace.TlsTrace trace,
                 org.opencs.pki.net.TrustedBalancers balancers) throws InterruptedException {
        this(port, services, bindAddress, listenPort, vtam, log, negotiationTimeout, debugLog, trace, balancers,
                TlsDetector.WAIT, BACKLOG);
    }

    /**
     * The listen queue: connections the kernel has accepted for the server but the server has not taken yet. A
     * reconnect storm (thousands of terminals at once) needs room for all of them, else the kernel drops SYNs and
     * clients retry seconds later. The kernel caps it at net.core.somaxconn (docs/tn3270.md).
     */
    static final int BACKLOG = 4096;

    /**
     * The constructor every other one calls: the DEBUG lines' logger, the System SSL trace and the balancers given; on
     * a SECUREPORT {@code clientHelloWait}, how long a silent client has before START_TLS is offered; {@code backlog},
     * the listen queue's length.
     */
    Tn3270Server(TelnetPort port, HostServices services, String bindAddress, int listenPort, Vtam vtam, Logger log,
                 java.time.Duration negotiationTimeout, Logger debugLog, org.opencs.pki.tls.trace.TlsTrace trace,
                 org.opencs.pki.net.TrustedBalancers balancers, java.time.Duration clientHelloWait, int backlog)
            throws InterruptedException {
        Registry registry = services.registry();
        this.live = services.live();
        this.log = log;
        this.registry = registry;
        this.vtam = vtam;
        vtam.attach(registry); // LU names in use are ENQs every node on this registry sees
        String defaultAppl = vtam.config().defaultAppl();
        if (port.connType() == TelnetPort.ConnType.NONE) {
            throw new ZosException("OCST010E", "CONNTYPE NONE on port " + port.port() + ": the port accepts no connections.");
        }
        if (port.expressLogon() && port.clientAuth() != TelnetPort.ClientAuth.SAFCERT) {
            throw new ZosException("OCST012E", "EXPRESSLOGON on port " + port.port() + " needs CLIENTAUTH SAFCERT (the "
                    + "user ID comes from the client certificate).");
        }
        SslContext tls = port.connType() == TelnetPort.ConnType.BASIC ? null : tls(port, registry);
        java.util.concurrent.Executor handshakeTasks = handshakeTasks(tls);
        if (tls != null) {
            log.info("OCST024I TN3270E port {} TLS: protocols {}, cipher suites {}, on the {} engine", port.port(),
                    String.join(" ", SystemSsl.DEFAULT_PROTOCOLS), String.join(" ", tls.cipherSuites()),
                    nativeEngine(tls) ? "BoringSSL" : "JDK");
        }
        Tn3270ServerContext context = new Tn3270ServerContext(port, services, vtam, port.ebcdicCharset(),
                tls, (userid, applid, lu, terminal) -> defaultAppl == null && applid == null && userid == null
                        ? new UssLogon(services, lu, null, terminal)
                        : new TsoLogon(services, applid != null ? applid : defaultAppl != null ? defaultAppl : "TSO", userid,
                        null, terminal),
                log, open, negotiationTimeout, new DebugLog(port.debug(), debugLog), () -> closing, trace,
                clientHelloWait, handshakeTasks);
        DebugLog debug = context.debug();
        this.listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(io.netty.channel.ChannelOption.SO_BACKLOG, backlog)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (closing || !connections.add(ch)) {
                            ch.close();
                            return;
                        }
                        // Behind a load balancer the connection is counted and served once its PROXY header has
                        // named the client.
                        org.opencs.pki.net.ProxyProtocol.install(ch, balancers,
                                reason -> log.warn("OCST090W Connection from {} to port {} ended: it {}.",
                                        ConnectionFacts.client(ch), ch.localAddress().getPort(), reason),
                                c -> start(c));
                    }

                    /** The connection's pipeline once its client is known: limits, TLS detection, telnet, the session. */
                    private void start(SocketChannel ch) {
                        ConnectionDebug connection = debug.connection(ch, ch.localAddress().getPort());
                        if (!admitted(ch, connection)) {
                            return;
                        }
                        if (port.connType() == TelnetPort.ConnType.SECURE) {
                            ch.pipeline().addLast("detect", new TlsDetector(tls, log, trace, clientHelloWait,
                                    handshakeTasks));
                        }
                        ch.pipeline().addLast(new TelnetDecoder());
                        ch.pipeline().addLast(TelnetEncoder.INSTANCE);
                        if (debug.detail()) {
                            ch.pipeline().addLast(sessions, "trace", new TelnetTrace(connection));
                        }
                        // In the node's live sessions from now on; the console's End sends the session an OperatorEnd.
                        org.opencs.core.sessions.LiveSession live = org.opencs.pki.net.WireBytes.register(
                                services.live(), org.opencs.core.sessions.SessionKind.TN3270, ch,
                                request -> ch.pipeline().fireUserEventTriggered(new Tn3270Session.OperatorEnd(request)));
                        ch.pipeline().addLast(sessions, new Tn3270Session(context, connection, live));
                        open.opened();
                    }
                }).bind(bindAddress, listenPort).sync().channel();
        this.boundPort = ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * The session limits, counted from the connection's first byte (before TLS): an admitted connection holds its
     * place until it closes; one over a limit gets a line of text and is closed, with OCST008W and an audit record.
     */
    private boolean admitted(SocketChannel ch, ConnectionDebug debug) {
        java.net.InetAddress client = org.opencs.pki.net.Endpoints.client(ch).getAddress();
        SessionCount.Refusal refusal = vtam.sessions().admit(client);
        if (refusal == null) {
            ch.closeFuture().addListener(f -> vtam.sessions().release(client));
            return true;
        }
        int serverPort = ch.localAddress().getPort();
        log.warn("OCST008W Connection from client {} to port {} refused: {} are at their limit of {} ({})",
                ConnectionFacts.client(ch), serverPort, refusal.what(), refusal.limit(), refusal.key());
        ch.pipeline().addLast(new RefusedConnection("OCST008W Too many sessions (" + refusal.key() + " "
                + refusal.limit() + "); connection refused"));
        debug.exception("OCSTLSN", "OCST008W", "Too many sessions; connection refused.", refusal.key() + " "
                + refusal.limit());
        debug.connectionDropped("ERR OCST008W", true, "OCSTLSN");
        sessions.next().execute(() -> registry.audit().record(registry.clock().instant(), "TN3270_SESSION_LIMIT",
                java.util.Map.of("client", client.getHostAddress(), "port", serverPort, "limit", refusal.key(),
                        "max", refusal.limit())));
        return false;
    }

    /**
     * How many TLS sessions the server keeps for resumption by session ID (TLS 1.2; TLS 1.3 resumes from tickets the
     * client keeps): System SSL's default (GSK_V3_SIDCACHE_SIZE 512, z/OS Cryptographic Services System SSL
     * Programming, "Environment variables"). The engines' own default, 20,480, kept every session of a busy port, a
     * kilobyte or more each (issue 14).
     */
    static final int SESSION_CACHE = 512;

    /** Whether {@code tls} runs on Netty's BoringSSL engine (netty-tcnative's native library loaded). */
    private static boolean nativeEngine(SslContext tls) {
        return tls instanceof io.netty.handler.ssl.ReferenceCountedOpenSslContext;
    }

    /**
     * Where the TLS engines' delegated tasks run. The JDK's engine hands its key exchange and signature to
     * {@link #handshakes}, off the I/O threads (issue 12: a handshake costs it milliseconds). BoringSSL's engine
     * does the same work inline in a fraction of the time and has no tasks to hand over, and with a delegated-task
     * executor Netty's SslHandler (4.2.18) closed a failed BoringSSL handshake without sending the alert the engine
     * had written (a refused cipher suite got no handshake_failure alert, as System SSL sends): its handshakes run
     * where FTP's do, on the I/O thread.
     */
    private java.util.concurrent.Executor handshakeTasks(SslContext tls) {
        return tls != null && nativeEngine(tls) ? io.netty.util.concurrent.ImmediateExecutor.INSTANCE : handshakes;
    }

    /**
     * The port's TLS context from its KEYRING: BoringSSL's engine when netty-tcnative's native library loads (as the
     * FTP server uses it; {@code -Dio.netty.handler.ssl.noOpenSsl=true} turns it off), else the JDK's; the same
     * protocols and cipher suites either way.
     */
    private static SslContext tls(TelnetPort port, Registry registry) {
        if (port.keyring() == null) {
            throw new ZosException("OCST011E", "CONNTYPE SECURE on port " + port.port() + " needs a KEYRING statement.");
        }
        ClientAuth auth = port.clientAuth() == TelnetPort.ClientAuth.NONE ? ClientAuth.NONE : ClientAuth.REQUIRE;
        SslContext tls = SystemSsl.fastServer(new KeyRingResolver(registry).resolve(port.keyring()), auth,
                SystemSsl.DEFAULT_PROTOCOLS);
        tls.sessionContext().setSessionCacheSize(SESSION_CACHE);
        return tls;
    }

    public int port() {
        return boundPort;
    }

    /** The live sessions its connections are registered in (the node's, from {@link HostServices#live()}). */
    public org.opencs.core.sessions.LiveSessions liveSessions() {
        return live;
    }

    /**
     * Stops accepting connections at once (the port refuses them from now on); sessions already open go on until
     * {@link #close()}. A process with several ports calls this on all of them before closing any.
     */
    public void stopAccepting() {
        closing = true;
        listener.close().syncUninterruptibly();
    }

    /**
     * Stops accepting at once, then ends every connection, whatever it is doing (negotiating, in a TLS handshake,
     * logged on): politely first (TLS close_notify), outright after {@value #CLOSE_MILLIS} ms. It waits for the
     * sessions' last log lines and audit records, then stops the session threads before the I/O threads (a session's
     * last event still travels through the I/O threads), each wait bounded, so it returns within a few seconds.
     */
    @Override
    public void close() {
        stopAccepting();
        int ended = connections.size();
        if (!connections.close().awaitUninterruptibly(CLOSE_MILLIS)) {
            for (Channel ch : connections) {
                ch.eventLoop().execute(() -> ch.unsafe().close(ch.unsafe().voidPromise()));
            }
        }
        open.awaitNone(DRAIN_MILLIS);
        // Session executors and I/O threads hand work to each other: they stop together, each after a short quiet
        // period, so neither hands work to the other once it is gone (Netty logged RejectedExecutionException).
        sessions.shutdownGracefully(QUIET_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        handshakes.shutdownGracefully(QUIET_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(QUIET_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        boss.shutdownGracefully(QUIET_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        sessions.terminationFuture().awaitUninterruptibly(DRAIN_MILLIS);
        handshakes.terminationFuture().awaitUninterruptibly(DRAIN_MILLIS);
        workers.terminationFuture().awaitUninterruptibly(DRAIN_MILLIS);
        boss.terminationFuture().awaitUninterruptibly(DRAIN_MILLIS);
        log.info("OCST009I TN3270E port {} closed; connections ended: {}", boundPort, ended);
    }
}
