package org.opencs.tn3270.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;

/**
 * The TN3270E server's DEBUG lines (logger TN3270E.TRACE) as a test run writes them: every line (as {@link #lines()}
 * gives it, "INFO EZZ6034I ...") and, apart, the lines marked for the operator console (marker CONSOLE).
 */
final class DebugCapture extends org.opencs.testkit.OperatorLog {
    private final List<String> console = new ArrayList<>();

    DebugCapture() {
        super(DebugLog.LOGGER);
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        super.handleNormalizedLoggingCall(level, marker, pattern, arguments, throwable);
        if (marker != null && marker.getName().equals(DebugLog.CONSOLE_MARKER)) {
            synchronized (this) {
                console.add(MessageFormatter.basicArrayFormat(pattern, arguments));
            }
        }
    }

    /** The lines marked for the console, as written (no level). */
    synchronized List<String> consoleLines() {
        return List.copyOf(console);
    }

    /** The messages (without the level word). */
    List<String> messages() {
        return lines().stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    private static final Pattern DATA = Pattern.compile("MOD: OCSTDATA (IN|OUT) .*? \\+([0-9A-F]{4}) ([0-9A-F]+) '(.*)'");

    /**
     * The traced records of {@code direction} (IN or OUT), each as its hex joined over its lines, then a blank, then
     * its text joined likewise: a value split over two trace lines is whole here.
     */
    List<String> records(String direction) {
        List<String> records = new ArrayList<>();
        StringBuilder hex = null;
        StringBuilder text = null;
        for (String line : messages()) {
            Matcher m = DATA.matcher(line);
            if (!m.find() || !m.group(1).equals(direction)) {
                continue;
            }
            if (m.group(2).equals("0000")) {
                if (hex != null) {
                    records.add(hex + " " + text);
                }
                hex = new StringBuilder();
                text = new StringBuilder();
            }
            if (hex != null) {
                hex.append(m.group(3));
                text.append(m.group(4).replaceFirst("' \\(first .*$", ""));
            }
        }
        if (hex != null) {
            records.add(hex + " " + text);
        }
        return records;
    }

    /** Forgets the lines so far (the next check sees new lines only). */
    void takeLinesForTest() {
        takeLines();
        synchronized (this) {
            console.clear();
        }
    }
}
