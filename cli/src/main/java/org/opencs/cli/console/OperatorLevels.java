package org.opencs.cli.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Which log calls are written at all, decided by the logger's {@link LogSource}: a server's loggers and records from
 * INFO up (DEBUG and TRACE too with OPENCS_DEBUG=1, {@code debug}), a library's from WARN up only, so no library's
 * chatter reaches the operator (docs/diagnostics.md "System log").
 */
public final class OperatorLevels extends TurboFilter {
    private final boolean debug;

    /** With {@code debug} (OPENCS_DEBUG=1) the servers' DEBUG and TRACE calls are written too. */
    public OperatorLevels(boolean debug) {
        this.debug = debug;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || logger == null) {
            return FilterReply.NEUTRAL;
        }
        Level least = LogSource.of(logger.getName()) == LogSource.LIBRARY ? Level.WARN : debug ? Level.ALL : Level.INFO;
        return level.isGreaterOrEqual(least) ? FilterReply.ACCEPT : FilterReply.DENY;
    }
}
