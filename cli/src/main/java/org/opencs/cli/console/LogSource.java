package org.opencs.cli.console;

/**
 * Who wrote a log line, told by its logger's name (docs/diagnostics.md "System log"), and so where it goes:
 * <ul>
 * <li>{@link #SERVER}: a server's own logger, its name upper case without a dot ({@code FTPD}, {@code TN3270E},
 * {@code JES2}, {@code OPENCS}), or an OpenCS class ({@code org.opencs...}): operator messages, INFO and above;</li>
 * <li>{@link #RECORD}: a server's trace or activity records, {@code FTPD.TRACE}, {@code TN3270E.TRACE},
 * {@code FTPD.ACTIVITY} (upper case with a dot): written as given, to the system log (type X) and to the console only
 * when the event carries the {@value #CONSOLE_MARKER} marker;</li>
 * <li>{@link #LIBRARY}: anything else (Netty, H2, HikariCP): WARN and above only, as OCS0090W lines.</li>
 * </ul>
 */
public enum LogSource {
    SERVER, RECORD, LIBRARY;

    /** The SLF4J marker that puts a {@link #RECORD} line on the console too (TELNETPARMS DEBUG ... CONSOLE). */
    public static final String CONSOLE_MARKER = "CONSOLE";
    /** The job name of lines from {@code opencs start} itself and from libraries. */
    public static final String SYSTEM_JOB = "OPENCS";

    /** The kind of {@code loggerName} (null or blank is a library: it names no server). */
    public static LogSource of(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return LIBRARY;
        }
        if (loggerName.startsWith("org.opencs.")) {
            return SERVER;
        }
        int dot = loggerName.indexOf('.');
        if (!isServerName(dot < 0 ? loggerName : loggerName.substring(0, dot))) {
            return LIBRARY;
        }
        if (dot < 0) {
            return SERVER;
        }
        for (int i = dot + 1; i < loggerName.length(); i++) {
            char c = loggerName.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.')) {
                return LIBRARY;
            }
        }
        return RECORD;
    }

    /**
     * The job name column of the system log for {@code loggerName}: the server's name ({@code FTPD} for
     * {@code FTPD.TRACE}), else {@value #SYSTEM_JOB}; at most 8 characters, as a z/OS job name.
     */
    public static String jobName(String loggerName) {
        LogSource source = of(loggerName);
        if (source == LIBRARY || loggerName.startsWith("org.opencs.")) {
            return SYSTEM_JOB;
        }
        int dot = loggerName.indexOf('.');
        return dot < 0 ? loggerName : loggerName.substring(0, dot);
    }

    /** 1 to 8 characters, the first a letter or national character, as z/OS job names are: FTPD, JES2, TN3270E. */
    private static boolean isServerName(String name) {
        if (name.isEmpty() || name.length() > 8) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean national = c == '$' || c == '#' || c == '@';
            if (!(c >= 'A' && c <= 'Z' || national || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
