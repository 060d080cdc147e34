package org.opencs.cli.console;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of the OpenCS console, in one format for everything (z/OS-style): a time stamp, then the message ID and its
 * text, as z/OS's system log shows {@code EZY2702I Server-FTP: Initialization completed ...}. A line from a library
 * that has no message ID of its own gets OCS0090I/W/E and the name of its source, so no line on the console is in
 * another format. Java class and exception names are taken out of library text: the operator reads the reason.
 */
public final class ConsoleLine {
    /** A z/OS message ID at the start of a text: EZY2702I, OCST009I, IKJ56500I, ICH408I ..., and JES2's $HASPnnn. */
    static final Pattern MESSAGE_ID = Pattern.compile("^(?:[A-Z]{3}[A-Z0-9]{2,6}[IWEAS]|\\$HASP\\d{3})\\b.*");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private ConsoleLine() {
    }

    /** {@code text} with the time stamp in front: {@code 11:42:01 EZY2702I Server-FTP: ...}. */
    public static String stamp(Clock clock, String text) {
        return LocalTime.now(clock).format(TIME) + " " + text;
    }

    /**
     * A logger's message as console text: kept when it starts with a message ID, else OCS0090 with the level's letter
     * (I, W or E) and the logger's short name, Java names removed; {@code failure}'s reason is added in words.
     */
    static String text(String severity, String loggerName, String message, Throwable failure) {
        String text = message == null ? "" : message;
        if (failure != null) {
            String reason = reason(failure);
            text = text.isEmpty() ? reason : text + " (" + reason + ")";
        }
        if (MESSAGE_ID.matcher(text).matches()) {
            return text;
        }
        String cleaned = CLASS_NAME.matcher(text).replaceAll("").trim();
        return "OCS0090" + severity + " " + shortName(loggerName) + ": "
                + (cleaned.isEmpty() ? "no further detail" : cleaned);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String cleaned = message == null ? "" : CLASS_NAME.matcher(message).replaceAll("").trim();
        return cleaned.isEmpty() || cleaned.equals("null") ? "no further detail" : cleaned;
    }

    private static String shortName(String loggerName) {
        if (loggerName == null || loggerName.isBlank()) {
            return "OpenCS";
        }
        int dot = loggerName.lastIndexOf('.');
        return dot < 0 ? loggerName : loggerName.substring(dot + 1);
    }
}
