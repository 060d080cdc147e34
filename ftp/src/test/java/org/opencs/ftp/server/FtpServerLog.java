package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opencs.core.SessionLimits;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.Registry;

/**
 * What the FTP servers of a test write for an operator: the server log (every line the servers started through
 * {@link #serve} log, also passed on to the console as usual) and the activity log ({@code logs/ftp-activity.log} of
 * each system served). Registered as an extension, it fails the test when a line of either names a Java class or
 * exception, shows {@code null} as a value, or (server log) carries a stack trace: the operator reads the session,
 * the client and the reason in words (issue 10, "Operator messages"). The tn3270 module's ServerLog does the same for
 * the TN3270E server.
 */
public final class FtpServerLog extends org.opencs.testkit.OperatorLog implements AfterEachCallback {
    /** Each activity log served, with the number of its lines already checked. */
    private final Map<Path, Integer> activityLogs = new LinkedHashMap<>();
    /** The general trace lines (FTP.DATA DEBUG, SITE DEBUG=) of the servers served, the system log's FTPD.TRACE. */
    private final Trace trace = new Trace();

    /** The servers' trace lines (logger FTPD.TRACE), each {@code INFO <session> <tag> <routine>: <text>}. */
    public static final class Trace extends org.opencs.testkit.OperatorLog {
        Trace() {
            super(FtpTrace.LOG_NAME);
        }

        /** The trace lines so far without the level: {@code FTPD100001 FR1799 ftpAuth: entered}. */
        public List<String> records() {
            return lines().stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
        }

    }

    /** The servers' general trace lines. */
    public Trace trace() {
        return trace;
    }

    public FtpServerLog() {
        super(FtpServer.LOG_NAME);
    }

    /** A server on a free loopback port for {@code config}, TLSPORT as configured (on a free port), logging here. */
    public FtpServer serve(FtpData config, Registry registry) throws InterruptedException {
        return serve(config, registry, config.tlsPort() == null ? -1 : 0);
    }

    /** As above with the implicit-TLS port given: -1 none, 0 a free one. */
    public FtpServer serve(FtpData config, Registry registry, int tlsPort) throws InterruptedException {
        return serve(config, registry, tlsPort, config.dataTimeout(), registry.config().ftpLimits());
    }

    /** As above with the data connection timer (seconds) and the session limits given. */
    public FtpServer serve(FtpData config, Registry registry, int tlsPort, int dataTimeoutSeconds, SessionLimits limits)
            throws InterruptedException {
        synchronized (this) {
            activityLogs.putIfAbsent(registry.home().logs().resolve("ftp-activity.log"), 0);
        }
        return new FtpServer(config, registry, "127.0.0.1", 0, tlsPort, dataTimeoutSeconds, limits, this, trace, null);
    }

    /**
     * A server on {@code port} of 127.0.0.1 (0: a free one) for {@code config} behind {@code frontEnd} (load balancers
     * sending the PROXY protocol, the PASV reply's address), logging here.
     */
    public FtpServer serve(FtpData config, Registry registry, int port, FtpFrontEnd frontEnd) throws InterruptedException {
        synchronized (this) {
            activityLogs.putIfAbsent(registry.home().logs().resolve("ftp-activity.log"), 0);
        }
        return new FtpServer(config, registry, "127.0.0.1", port, -1, config.dataTimeout(),
                registry.config().ftpLimits(), this, trace, null, org.opencs.pki.tls.trace.TlsTrace.off(), frontEnd);
    }

    /** A server on a free loopback port for {@code config} with the JES interface {@code jes}, logging here. */
    public FtpServer serve(FtpData config, Registry registry, org.opencs.ftp.jes.JobEntrySubsystem jes)
            throws InterruptedException {
        synchronized (this) {
            activityLogs.putIfAbsent(registry.home().logs().resolve("ftp-activity.log"), 0);
        }
        return new FtpServer(config, registry, "127.0.0.1", 0, -1, config.dataTimeout(), registry.config().ftpLimits(),
                this, trace, jes);
    }

    /** The server log's and the activity logs' lines not checked before that an operator cannot read. */
    public synchronized List<String> violations() {
        List<String> bad = new ArrayList<>(violations(takeLines()));
        violations(trace.lines()).forEach(v -> bad.add("trace " + v));
        for (Map.Entry<Path, Integer> log : activityLogs.entrySet()) {
            List<String> written = read(log.getKey());
            List<String> fresh = written.subList(Math.min(log.getValue(), written.size()), written.size());
            violations(fresh).forEach(v -> bad.add("activity log " + v));
            log.setValue(written.size());
        }
        return bad;
    }

    private static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fails with the unreadable lines, if any (for jqwik containers, which run no JUnit extensions). */
    public void assertReadable() {
        List<String> unreadable = violations();
        if (!unreadable.isEmpty()) {
            throw new AssertionError("the FTP server's logs have lines an operator cannot read:\n"
                    + String.join("\n", unreadable));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertReadable();
    }
}
