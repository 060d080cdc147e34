package org.opencs.cli.console;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A record of {@code logs/syslog}, the subset of z/OS's hardcopy log layout documented in docs/diagnostics.md
 * "System log" (IBM: z/OS MVS System Messages, "Messages sent to hardcopy log in JES2 system" —
 * {@code tcrrrrrrr sysname yyddd hh:mm:ss.th ident msgflags message}):
 * <pre>
 * N OPENCS   2026-11-30 14:30:29.12Z FTPD     EZY2702I Server-FTP: Initialization completed ...
 * </pre>
 * Record type ({@code N} a message, {@code M}/{@code D}/{@code E} the lines of a message of several lines,
 * {@code X} every line of a trace or activity record), system name (8), date and time in UTC with hundredths and a
 * {@code Z}, job name (8: the server), the text {@link ConsoleLine} makes. With OPENCS_DEBUG=1 ({@code debug}) a
 * failure's stack trace follows as {@code D}/{@code E} lines of the same message.
 */
public final class SyslogLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String sysname;
    private final boolean debug;

    /** Records of system {@code sysname} (system.conf sysname, 1 to 8 characters); stack traces when {@code debug}. */
    public SyslogLayout(String sysname, boolean debug) {
        this.sysname = pad(sysname);
        this.debug = debug;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        List<String> lines = new ArrayList<>(ConsoleLine.lines(event));
        if (debug) {
            lines.addAll(ConsoleLine.stackTrace(event));
        }
        boolean record = LogSource.of(event.getLoggerName()) == LogSource.RECORD;
        String prefix = " " + sysname + " " + STAMP.format(event.getInstant()) + " "
                + pad(LogSource.jobName(event.getLoggerName())) + " ";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            char type = record ? 'X' : lines.size() == 1 ? 'N' : i == 0 ? 'M' : i == lines.size() - 1 ? 'E' : 'D';
            out.append(type).append(prefix).append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    /** A name in an 8-character column: padded with blanks, cut at 8. */
    private static String pad(String name) {
        String text = name.length() > 8 ? name.substring(0, 8) : name;
        return text + " ".repeat(8 - text.length());
    }
}
