package org.opencs.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A server log as a test run writes it, for the servers' test helpers (ftp's FtpServerLog, tn3270's ServerLog): the
 * servers a test starts log here, each line is also passed on to the console as usual, and {@link #violations} names
 * the lines an operator cannot read: a Java class or exception name, {@code null} as a value, a stack trace (issue 10,
 * "Operator messages"; issue 15).
 */
public class OperatorLog extends LegacyAbstractLogger {
    /** A qualified Java name (javax.net.ssl.SSLHandshakeException, io.netty.handler...), or an exception's name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");
    /** null as a value ("Session null", "USERID=null", "failed: null"); the English word after an article is fine. */
    private static final Pattern NULL = Pattern.compile("(?<!\\bthe )(?<!\\ba )\\bnull\\b");

    private final transient Logger console;
    private final List<String> lines = new ArrayList<>();

    /** A log named {@code name} (the servers' own logger name, which the console shows). */
    protected OperatorLog(String name) {
        this.name = name;
        this.console = LoggerFactory.getLogger(name);
    }

    /** Every line so far, as written (level, then the message). */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines so far, forgotten afterwards (so each check looks at new lines only). */
    protected synchronized List<String> takeLines() {
        List<String> taken = List.copyOf(lines);
        lines.clear();
        return taken;
    }

    /** Waits up to {@code timeout} for a line containing {@code text}; returns it, or null. */
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

    /** The lines that name a Java class or exception, show null as a value, or carry a stack trace, with what. */
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
