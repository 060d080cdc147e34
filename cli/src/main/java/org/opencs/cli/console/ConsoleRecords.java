package org.opencs.cli.console;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * The console's filter: trace and activity records ({@link LogSource#RECORD}) go to the system log only, unless the
 * event carries the {@value LogSource#CONSOLE_MARKER} marker (TELNETPARMS DEBUG ... CONSOLE); operator messages pass.
 */
public final class ConsoleRecords extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (LogSource.of(event.getLoggerName()) != LogSource.RECORD) {
            return FilterReply.NEUTRAL;
        }
        if (event.getMarkerList() != null) {
            for (Marker marker : event.getMarkerList()) {
                if (marker.contains(LogSource.CONSOLE_MARKER)) {
                    return FilterReply.NEUTRAL;
                }
            }
        }
        return FilterReply.DENY;
    }
}
