package org.opencs.cli.console;

import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger of the OpenCS console: INFO and above (DEBUG too with OPENCS_DEBUG=1), each line in {@link ConsoleLine}'s
 * format, on standard error; {@code opencs start} makes standard output its console (system property
 * {@value #STREAM_PROPERTY} = stdout) so that the servers' lines and its own are one stream, in order.
 * A failure's stack trace is printed only with OPENCS_DEBUG=1.
 */
final class ConsoleLogger extends LegacyAbstractLogger {
    /** Where log lines go: "stdout", or standard error when unset. Read for every line. */
    static final String STREAM_PROPERTY = "opencs.console";

    private final transient Clock clock = Clock.systemDefaultZone();
    private final boolean debug;

    ConsoleLogger(String name, boolean debug) {
        this.name = name;
        this.debug = debug;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String severity = switch (level) {
            case ERROR -> "E";
            case WARN -> "W";
            default -> "I";
        };
        String line = ConsoleLine.stamp(clock, ConsoleLine.text(severity, name,
                MessageFormatter.basicArrayFormat(pattern, arguments), throwable));
        PrintStream out = "stdout".equals(System.getProperty(STREAM_PROPERTY)) ? System.out : System.err;
        synchronized (out) {
            out.println(line);
            if (debug && throwable != null) {
                throwable.printStackTrace(out);
            }
            out.flush();
        }
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return debug;
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
