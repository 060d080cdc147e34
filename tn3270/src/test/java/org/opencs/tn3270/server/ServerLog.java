package org.opencs.tn3270.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opencs.saf.Registry;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.Marker;

/**
 * The TN3270E server's log as a test run writes it: the servers a test starts through {@link #serve} log here (each
 * line is also passed on to the console as usual). Registered as an extension, it fails the test when any line the
 * servers wrote names a Java class or exception, shows {@code null} as a value, or carries a stack trace: a log line
 * is for an operator, who should read the session and the reason in words.
 */
final class ServerLog extends LegacyAbstractLogger implements AfterEachCallback {
    /** A qualified Java name (javax.net.ssl.SSLHandshakeException, io.netty.handler...), or an exception's name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");

    private final transient Logger console = LoggerFactory.getLogger("TN3270E");
    private final List<String> lines = new ArrayList<>();

    ServerLog() {
        this.name = "TN3270E";
    }

    /** A server for {@code port} logging here: DEFAULTAPPL TSO, the registry's system.conf session limits. */
    Tn3270Server serve(TelnetPort port, Registry registry) throws InterruptedException {
        return serve(port, registry, new Vtam(VtamConfig.defaultAppl("TSO"), registry.config().tn3270Limits()));
    }

    Tn3270Server serve(TelnetPort port, Registry registry, Vtam vtam) throws InterruptedException {
        return new Tn3270Server(port, registry, "127.0.0.1", 0, vtam, this);
    }

    /** A server whose connections must reach their first screen within {@code negotiationTimeout}. */
    Tn3270Server serve(TelnetPort port, Registry registry, Vtam vtam, Duration negotiationTimeout)
            throws InterruptedException {
        return new Tn3270Server(port, registry, "127.0.0.1", 0, vtam, this, negotiationTimeout);
    }

    /** Every line so far, as written (level, then the message). */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits up to {@code timeout} for a line containing {@code text}; returns it, or null. */
    String await(String text, Duration timeout) throws InterruptedException {
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

    /** The lines that name a Java class or exception, show null, or carry a stack trace, each with what is wrong. */
    List<String> violations() {
        return violations(lines());
    }

    static List<String> violations(List<String> lines) {
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

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> bad = violations();
        if (!bad.isEmpty()) {
            throw new AssertionError("the TN3270E server's log has lines an operator cannot read:\n"
                    + String.join("\n", bad));
        }
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
