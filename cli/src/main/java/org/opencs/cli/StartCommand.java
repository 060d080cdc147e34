package org.opencs.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.opencs.core.AtomicFiles;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.cli.console.SystemLog;
import org.opencs.saf.Registry;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opencs start}: runs the system's servers in the foreground until Ctrl-C or SIGTERM, then stops accepting,
 * closes the sessions and exits 0. Every listening port is printed and written to {@code logs/ports}.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run the system's servers (FTP and TN3270E) and JES2's initiators until Ctrl-C or SIGTERM.",
                "The FTP server reads tcpip/FTP.DATA and listens on ftp.port from system.conf (--ftp-port overrides "
                + "it; 0 picks a free port). A TN3270E server listens on the port of each TELNETPARMS block of "
                + "tcpip/PROFILE.TCPIP. Every port is opened on bind.address from system.conf (--bind overrides it; "
                + "quickstart writes 127.0.0.1, so only this machine can connect until you widen it).",
                "The web server (HTTPS: login, console, terminal) listens on web.port from system.conf (--web-port "
                + "overrides it; without either it does not start), with the key ring of web.keyring or FTP.DATA's KEYRING.",
                "Listening ports are printed and written to logs/ports. The console shows z/OS-style messages "
                + "(MSGID text), one per line, with a time stamp; logs/syslog keeps them with the system and server "
                + "names, rolled over as system.conf's syslog.max.file.size, syslog.max.history and "
                + "syslog.total.size.cap say."})
public final class StartCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--ftp-port", paramLabel = "PORT", description = "FTP port (overrides ftp.port; 0 = any free port)")
    Integer ftpPort;

    @Option(names = "--tn3270-port", paramLabel = "PORT",
            description = "Port for the first TELNETPARMS block of tcpip/PROFILE.TCPIP (0 = any free port)")
    Integer tn3270Port;

    @Option(names = "--web-port", paramLabel = "PORT",
            description = "HTTPS port of the web server (overrides web.port from system.conf; 0 = any free port)")
    Integer webPort;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (overrides bind.address from system.conf; 0.0.0.0 = every interface)")
    String bind;

    /** The loggers (job names in logs/syslog) of this command's own lines, TN3270E's and JES2's. */
    private static final String SYSTEM = "OPENCS";
    private static final String TN3270E = "TN3270E";
    private static final String JES2 = "JES2";
    /** The membership's console messages (OCS0801I-OCS0806W), as z/OS's XCF issues its IXC messages. */
    private static final String XCF = "XCFAS";

    private final Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws Exception {
        // The servers' loggers write to the console this command prints on (standard output), in its format.
        System.setProperty(org.opencs.cli.console.ConsoleStream.PROPERTY, "stdout");
        Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom());
        // Whatever has started is closed again when a later step fails (a busy port, a bad KEYRING), so a failed start
        // leaves no port open and the registry closed.
        java.util.Deque<AutoCloseable> started = new java.util.ArrayDeque<>();
        started.push(registry);
        String running = org.opencs.core.StartRecord.describe(registry.home());
        if (!running.isEmpty()) {
            registry.close();
            throw new org.opencs.core.ZosException("OCS0024E", "The servers of this system already run (" + running
                    + "): one opencs start per system home.");
        }
        try {
            // hfs/, datasets/ and spool/ (shared.dir on a system of several nodes) must be there and writable.
            registry.home().requireWritableShared();
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        // From here on every console line goes to logs/syslog too, until the servers have ended.
        SystemLog syslog;
        try {
            syslog = SystemLog.open((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory(),
                    registry.home().logs(), registry.config().sysname(), registry.config().syslog());
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        try (syslog) {
            org.opencs.core.StartRecord.write(registry.home(), java.time.Instant.now());
            started.push(() -> org.opencs.core.StartRecord.remove(registry.home()));
            try {
                return run(registry, started);
            } finally {
                while (!started.isEmpty()) {
                    started.pop().close();
                }
            }
        }
    }

    private int run(Registry registry, java.util.Deque<AutoCloseable> started) throws Exception {
        registry.config().warnings().forEach(w -> log(SYSTEM, w));
        if (registry.home().isShared()) {
            // A node of several (shared.dir): another home recorded under this SYSNAME is told on the console.
            new org.opencs.saf.NodeNames(registry).claim().ifPresent(w -> log(SYSTEM, w));
        }
        String bind = this.bind != null ? this.bind : registry.config().bindAddress();
        Path ftpDataFile = registry.home().tcpip().resolve("FTP.DATA");
        String ftpData = Files.exists(ftpDataFile) ? Files.readString(ftpDataFile, StandardCharsets.UTF_8) : "";
        FtpDataParser.Result parsed = FtpDataParser.parse(ftpData, ftpDataFile.toString());
        parsed.warnings().forEach(w -> log(FtpServer.LOG_NAME, w));
        var profile = readProfile(registry);
        // The web server's keys (web.port, web.keyring, web.idle.timeout), checked before anything starts.
        org.opencs.web.WebSettings web = org.opencs.web.WebSettings.load(registry.home()).withPort(webPort);
        if (web.port() != null && (web.port() < 0 || web.port() > 65535)) {
            throw new org.opencs.core.ZosException("OCS0006E", "--web-port " + web.port() + " is not a port number (0 to 65535).");
        }
        // Its key ring (web.keyring, else FTP.DATA's KEYRING) is opened now, so a missing one starts nothing.
        io.netty.handler.ssl.SslContext webTls = web.enabled()
                ? org.opencs.web.WebTls.serverContext(registry, web, parsed.config().keyring()) : null;
        int port = ftpPort != null ? ftpPort : registry.config().ftpPort();
        // Load balancers in front (proxy.protocol.from, ftp.passive.address): checked before anything starts.
        org.opencs.ftp.server.FtpFrontEnd frontEnd = org.opencs.ftp.server.FtpFrontEnd.load(registry.home());
        // JES2 first: its initiators run what FTP (FILETYPE=JES), TSO SUBMIT and opencs submit put on the queue.
        // Membership (docs/registry.md "Membership and ENQs"): JES listens for failed nodes before this node joins,
        // and the node leaves after JES has stopped (closed in that order on every path).
        org.opencs.saf.xcf.Membership membership = org.opencs.saf.xcf.Membership.of(registry,
                org.opencs.saf.xcf.Membership.Settings.DEFAULT, LoggerFactory.getLogger(XCF));
        started.push(membership);
        org.opencs.jes.Jes jes = org.opencs.jes.Jes.builder(registry).membership(membership)
                .initiators(org.opencs.jes.exec.JesConfig.load(registry.home(), registry.config()).initiators()).start();
        started.push(jes);
        membership.join();
        // The System SSL trace (GSK_TRACE, GSK_TRACE_FILE), read once here and handed to both servers; closed after them.
        org.opencs.pki.tls.trace.TlsTrace trace = systemSslTrace();
        started.push(trace);
        int tlsPort = parsed.config().tlsPort() == null ? -1 : parsed.config().tlsPort();
        // The node's live FTP and TN3270 sessions, which the web console lists and ends (docs/web.md).
        var live = new org.opencs.core.sessions.LiveSessions(registry.clock());
        FtpServer ftp = Listening.open("FTP", bind, port, () -> new FtpServer(parsed.config(), registry, bind, port,
                tlsPort, new org.opencs.jes.ftp.JesForFtp(jes), trace, frontEnd, live));
        started.push(ftp);
        java.util.List<org.opencs.tn3270.server.Tn3270Server> telnet = startTelnet(registry, jes, profile, started, bind,
                trace, frontEnd.balancers(), live);
        org.opencs.web.WebServer webServer = null;
        if (web.enabled()) {
            // The web terminal's sessions go to the first TN3270E port on loopback, through the same VTAM (docs/web.md).
            org.opencs.web.TerminalHost terminalHost = telnet.isEmpty() ? null : org.opencs.web.TerminalHost.of(registry,
                    profile.config().ports().get(0), bind, telnet.get(0).port());
            webServer = Listening.open("Web", bind, web.port(), () -> new org.opencs.web.WebServer(web, registry, webTls,
                    bind, web.port(), terminalHost, jes, live, LoggerFactory.getLogger(org.opencs.web.WebServer.LOG_NAME)));
            started.push(webServer);
        }
        String ports = "ftp=" + ftp.port() + "\n" + (ftp.tlsPort() >= 0 ? "ftps=" + ftp.tlsPort() + "\n" : "");
        for (int i = 0; i < telnet.size(); i++) {
            ports += (i == 0 ? "tn3270" : "tn3270." + (i + 1)) + "=" + telnet.get(i).port() + "\n";
        }
        if (webServer != null) {
            ports += "web=" + webServer.port() + "\n";
        }
        AtomicFiles.write(registry.home().logs().resolve("ports"), ports.getBytes(StandardCharsets.US_ASCII), false);
        String time = LocalTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        log(FtpServer.LOG_NAME, "EZY2702I Server-FTP: Initialization completed at " + time + " on port " + ftp.port() + " of " + bind
                + (parsed.config().tlsEnabled() ? " (TLS with KEYRING " + parsed.config().keyring() + ")" : " (no TLS)"));
        if (ftp.tlsPort() >= 0) {
            log(FtpServer.LOG_NAME, "EZY2702I Server-FTP: implicit TLS (TLSPORT) on port " + ftp.tlsPort());
        }
        for (var server : telnet) {
            log(TN3270E, "EZZ6003I TELNET LISTENING ON PORT " + server.port());
        }
        if (webServer != null) {
            log(org.opencs.web.WebServer.LOG_NAME, "OCSW001I Web server listening on port " + webServer.port() + " (https)");
        }
        log(JES2, "$HASP492 JES2 ALL-MEMBER WARM START ON MEMBER " + jes.config().sysname() + " - "
                + jes.config().initiators() + " INITIATOR(S)");
        if (isLoopback(bind)) {
            log(SYSTEM, "OCS0071I The servers listen on " + bind + ", for clients on this machine only: set bind.address "
                    + "in system.conf (or --bind) to 0.0.0.0 or an interface's address to open them to the network.");
        }
        CountDownLatch stop = new CountDownLatch(1);
        // SIGTERM and Ctrl-C end the wait; the servers then close in order and the process exits 0.
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
        }
        stop.await();
        // Every TN3270E port stops accepting at once, before anything else closes.
        for (var server : telnet) {
            log(TN3270E, "OCS0072I TN3270E shutdown in progress for port " + server.port());
        }
        telnet.forEach(org.opencs.tn3270.server.Tn3270Server::stopAccepting);
        if (webServer != null) {
            log(org.opencs.web.WebServer.LOG_NAME, "OCSW009I Web server shutdown in progress for port " + webServer.port());
            webServer.close();
        }
        log(FtpServer.LOG_NAME, "EZYFT59I FTP shutdown in progress");
        ftp.close();
        telnet.forEach(org.opencs.tn3270.server.Tn3270Server::close);
        trace.close();
        jes.close();
        membership.close();
        log(SYSTEM, "OCS0073I OpenCS servers of " + registry.home().root() + " ended");
        started.clear();
        org.opencs.core.StartRecord.remove(registry.home());
        registry.close();
        return 0;
    }

    /**
     * One operator message of server {@code job} (its logger: FTPD, TN3270E, JES2, or OPENCS for this command): on the
     * console, time stamp, message ID and text, as every line the servers log, and in logs/syslog.
     */
    private static void log(String job, String text) {
        LoggerFactory.getLogger(job).info(text);
    }

    private static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * The System SSL trace this process's environment asks for (GSK_TRACE and GSK_TRACE_FILE, as z/OS reads them when
     * a System SSL application starts), or none; what is wrong with the variables is told on the console, and a trace
     * file that cannot be written leaves the servers running untraced.
     */
    private org.opencs.pki.tls.trace.TlsTrace systemSslTrace() {
        var wanted = org.opencs.pki.tls.trace.TraceSettings.fromEnvironment(System.getenv(),
                ProcessHandle.current().pid());
        wanted.messages().forEach(m -> log(SYSTEM, m));
        if (wanted.settings() == null) {
            return org.opencs.pki.tls.trace.TlsTrace.off();
        }
        try {
            var trace = org.opencs.pki.tls.trace.TlsTrace.open(wanted.settings(), Clock.systemUTC(), "opencs start");
            log(SYSTEM, String.format(java.util.Locale.ROOT, "OCSK050I System SSL trace (GSK_TRACE 0x%08x) is written to %s;"
                    + " format it with opencs gsktrace", wanted.settings().mask(), wanted.settings().file()));
            return trace;
        } catch (org.opencs.core.ZosException e) {
            log(SYSTEM, e.getMessage());
            return org.opencs.pki.tls.trace.TlsTrace.off();
        }
    }

    /** tcpip/PROFILE.TCPIP, read before any port opens so that a bad statement starts nothing. */
    private org.opencs.tn3270.config.ProfileParser.Result readProfile(Registry registry) throws java.io.IOException {
        Path profile = registry.home().tcpip().resolve("PROFILE.TCPIP");
        String text = Files.exists(profile) ? Files.readString(profile, StandardCharsets.UTF_8) : "";
        var parsed = org.opencs.tn3270.config.ProfileParser.parse(text, profile.toString());
        parsed.warnings().forEach(w -> log(TN3270E, w));
        return parsed;
    }

    /** Every TELNETPARMS port of tcpip/PROFILE.TCPIP (none when the file has no active block). */
    private java.util.List<org.opencs.tn3270.server.Tn3270Server> startTelnet(Registry registry, org.opencs.jes.Jes jes,
            org.opencs.tn3270.config.ProfileParser.Result parsed, java.util.Deque<AutoCloseable> started, String bind,
            org.opencs.pki.tls.trace.TlsTrace trace, org.opencs.pki.net.TrustedBalancers balancers,
            org.opencs.core.sessions.LiveSessions live) throws Exception {
        java.util.List<org.opencs.tn3270.server.Tn3270Server> servers = new java.util.ArrayList<>();
        var ports = parsed.config().ports();
        // One VTAM for every port: an LU name is never given twice, a printer on one port serves a terminal on another.
        // DEFAULTAPPL names the application every session starts; without it (USSTCP) the USS logon screen comes first.
        // The session limits (system.conf tn3270.max.sessions[.per.client]) count the connections of every port.
        var vtam = new org.opencs.tn3270.server.Vtam(parsed.config().vtam(), registry.config().tn3270Limits());
        for (int i = 0; i < ports.size(); i++) {
            int port = i == 0 && tn3270Port != null ? tn3270Port : ports.get(i).port();
            var telnetPort = ports.get(i);
            var server = Listening.open("TN3270", bind, port,
                    () -> new org.opencs.tn3270.server.Tn3270Server(telnetPort,
                            org.opencs.tn3270.apps.HostServices.of(registry, jes).withLiveSessions(live), bind, port, vtam,
                            org.slf4j.LoggerFactory.getLogger("TN3270E"), trace, balancers));
            started.push(server);
            servers.add(server);
        }
        return servers;
    }
}
