package org.opencs.cli.console;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A console line: {@code HH:mm:ss TEXT} in local time, TEXT as {@link ConsoleLine} makes it (the message ID and its
 * text), every line of a message stamped; with OPENCS_DEBUG=1 ({@code debug}) a failure's stack trace follows,
 * unstamped. One format for every line on the console of {@code opencs start} and on other commands' standard error.
 */
public final class ConsoleLayout extends LayoutBase<ILoggingEvent> {
    private final DateTimeFormatter time;
    private final boolean debug;

    /** Lines stamped with the time in {@code zone}; stack traces only when {@code debug}. */
    public ConsoleLayout(ZoneId zone, boolean debug) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
        this.debug = debug;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String stamp = time.format(event.getInstant());
        StringBuilder out = new StringBuilder();
        for (String line : ConsoleLine.lines(event)) {
            out.append(stamp).append(' ').append(line).append('\n');
        }
        if (debug) {
            ConsoleLine.stackTrace(event).forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}
