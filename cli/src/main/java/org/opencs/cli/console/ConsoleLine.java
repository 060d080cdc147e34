package org.opencs.cli.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a log line, the same on the console and in the system log (z/OS-style): the message ID and its text,
 * as z/OS's system log shows {@code EZY2702I Server-FTP: Initialization completed ...}. A line that has no message ID
 * of its own (a library's) gets OCS0090I/W/E and the name of its source, so no line is in another format. Java class
 * and exception names are taken out of such text and of a failure's reason: the operator reads the reason in words.
 * Trace and activity records ({@link LogSource#RECORD}) are kept as written. Line breaks split a text into lines and
 * other control characters become {@code ?}, so no message can forge a line of its own.
 */
public final class ConsoleLine {
    /** A z/OS message ID at the start of a text: EZY2702I, OCST009I, IKJ56500I, ICH408I ..., and JES2's $HASPnnn. */
    static final Pattern MESSAGE_ID = Pattern.compile("^(?:[A-Z]{3}[A-Z0-9]{2,6}[IWEAS]|\\$HASP\\d{3})\\b.*",
            Pattern.DOTALL);
    /**
     * A qualified Java class name ({@code java.io.IOException:}, with the dot before a method's name) or an exception's
     * simple name, with the colon and blanks that follow.
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.(?=[a-z]))?:?[ \\t]*|\\b\\w+(?:Exception|Error)\\b:?[ \\t]*");
    private static final String NO_DETAIL = "no further detail";

    private ConsoleLine() {
    }

    /** An event's text ({@link #text(String, String, String, IThrowableProxy)}, or a record's as written) as lines. */
    static List<String> lines(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy failure = event.getThrowableProxy();
        String text = LogSource.of(event.getLoggerName()) == LogSource.RECORD
                ? record(message, failure)
                : text(severity(event.getLevel()), event.getLoggerName(), message, failure);
        return lines(text);
    }

    /** A failure's stack trace as lines (for OPENCS_DEBUG=1 only), or none. */
    static List<String> stackTrace(ILoggingEvent event) {
        IThrowableProxy failure = event.getThrowableProxy();
        return failure == null ? List.of() : lines(ThrowableProxyUtil.asString(failure).stripTrailing());
    }

    /**
     * A logger's message as operator text: kept when it starts with a message ID, else OCS0090 with the level's
     * letter ({@code severity}: I, W or E) and the logger's short name, Java names removed; {@code failure}'s reason
     * is added in words, in parentheses. Never empty and never {@code null}.
     */
    static String text(String severity, String loggerName, String message, IThrowableProxy failure) {
        String text = message == null ? "" : message;
        if (failure != null) {
            String reason = reason(failure);
            text = text.isEmpty() ? reason : text + " (" + reason + ")";
        }
        if (MESSAGE_ID.matcher(text).matches()) {
            return text;
        }
        String cleaned = clean(text);
        return "OCS0090" + severity + " " + shortName(loggerName) + ": "
                + (cleaned.isEmpty() || cleaned.equals("null") ? NO_DETAIL : cleaned);
    }

    /** A trace or activity record: as written, with a failure's reason in words after it. */
    static String record(String message, IThrowableProxy failure) {
        String text = message == null ? "" : message;
        return failure == null ? text : (text.isEmpty() ? "" : text + " ") + "(" + reason(failure) + ")";
    }

    /** I, W or E: the severity letter of an OCS0090 line for {@code level} (DEBUG and TRACE are I). */
    static String severity(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return "E";
        }
        return level.isGreaterOrEqual(Level.WARN) ? "W" : "I";
    }

    /**
     * {@code text} split at its line breaks, blank lines left out, other control characters replaced by {@code ?}, each
     * line without trailing blanks; at least one line.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n|\u0085|\u2028|\u2029", -1)) {
            StringBuilder safe = new StringBuilder(line.length());
            line.codePoints().forEach(c -> {
                if (c == '\t') {
                    safe.append(' ');
                } else if (Character.isISOControl(c) || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E
                        || c >= 0x2066 && c <= 0x2069) {
                    safe.append('?');
                } else {
                    safe.appendCodePoint(c);
                }
            });
            if (!safe.toString().isBlank()) {
                lines.add(safe.toString().stripTrailing());
            }
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    /** The innermost reason in words: the first message down the cause chain, Java names removed. */
    private static String reason(IThrowableProxy failure) {
        IThrowableProxy cause = failure;
        int depth = 0;
        while (cause.getCause() != null && cause.getCause() != cause && depth++ < 32
                && (cause.getMessage() == null || clean(cause.getMessage()).isEmpty())) {
            cause = cause.getCause();
        }
        String cleaned = cause.getMessage() == null ? "" : clean(cause.getMessage());
        return cleaned.isEmpty() || cleaned.equals("null") ? NO_DETAIL : cleaned;
    }

    /** {@code text} without Java names, removed again until none is left (a removal can join two parts). */
    private static String clean(String text) {
        String cleaned = text;
        for (int i = 0; i < 8; i++) {
            String next = CLASS_NAME.matcher(cleaned).replaceAll("");
            if (next.equals(cleaned)) {
                break;
            }
            cleaned = next;
        }
        return cleaned.trim();
    }

    /** The last part of a logger's name (a class's simple name), or OpenCS for none. */
    private static String shortName(String loggerName) {
        if (loggerName == null || loggerName.isBlank()) {
            return "OpenCS";
        }
        String name = loggerName.substring(loggerName.lastIndexOf('.') + 1);
        int inner = name.indexOf('$');
        name = inner > 0 ? name.substring(0, inner) : name;
        // A source named like an exception would read as one: its name without the suffix.
        name = name.replaceAll("(?:Exception|Error)$", "");
        return name.isBlank() ? "OpenCS" : name;
    }
}
