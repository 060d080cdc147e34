package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opencs.core.SessionLimits;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * What the FTP servers of a test write for an operator: the server log (every line the servers started through
 * {@link #serve} log, also passed on to the console as usual) and the activity log ({@code logs/ftp-activity.log} of
 * each system served). Registered as an extension, it fails the test when a line of either names a Java class or
 * exception, shows {@code null} as a value, or (server log) carries a stack trace: the operator reads the session,
 * the client and the reason in words (issue 10, "Operator messages"). The tn3270 module's ServerLog does the same for
 * the TN3270E server.
 */
public final class FtpServerLog extends LegacyAbstractLogger implements AfterEachCallback {
    /** A qualified Java name (javax.net.ssl.SSLHandshakeException, io.netty.handler...), or an exception's name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");
    /** null as a value ("Session null", "USERID=null", "failed: null"); the English word after an article is fine. */
    private static final Pattern NULL = Pattern.compile("(?<!\\bthe )(?<!\\ba )\\bnull\\b");

    private final transient Logger console = LoggerFactory.getLogger(FtpServer.LOG_NAME);
    private final List<String> lines = new ArrayList<>();
    /** Each activity log served, with the number of its lines already checked. */
    private final Map<Path, Integer> activityLogs = new LinkedHashMap<>();

    public FtpServerLog() {
        this.name = FtpServer.LOG_NAME;
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
        return new FtpServer(config, registry, "127.0.0.1", 0, tlsPort, dataTimeoutSeconds, limits, this);
    }

    /** Every server log line so far (level, then the message). */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits up to {@code timeout} for a server log line containing {@code text}; returns it, or null. */
    public String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (String line : lines()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** The lines that name a Java class or exception, show null as a value, or carry a stack trace. */
    public static List<String> violations(List<String> lines) {
        List<String> bad = new ArrayList<>();
        for (String line : lines) {
            if (JAVA_NAME.matcher(line).find()) {
                bad.add("Java name in: " + line);
            } else if (NULL.matcher(line).find()) {
                bad.add("null in: " + line);
            } else if (line.contains("[stack trace]")) {
                bad.add("stack trace with: " + line);
            }
        }
        return bad;
    }

    /** The server log's and the activity logs' lines not checked before that an operator cannot read. */
    public synchronized List<String> violations() {
        List<String> bad = new ArrayList<>(violations(lines));
        lines.clear();
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

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        synchronized (this) {
            lines.add(level + " " + message + (throwable == null ? "" : " [stack trace]"));
        }
        console.atLevel(level).setCause(throwable).log(message);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
