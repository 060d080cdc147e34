package org.opencs.tn3270.config;

import java.util.List;
import java.util.Locale;

/**
 * One DEBUG statement as IBM's syntax has it: {@code DEBUG [CONN] {EXCEPTION|SUMMARY|DETAIL|TRACE} [CONSOLE|JOBLOG|CTRACE]},
 * {@code DEBUG TASK {EXCEPTION|DETAIL} [dest]}, {@code DEBUG CONFIG {EXCEPTION|TRACE[,statement]} [dest]} and
 * {@code DEBUG [CONN|TASK|CONFIG] OFF}; keywords in any case. Only the CONN type changes what a port's connections
 * report; TASK and CONFIG are accepted (TELNETGLOBALS only, as IBM allows) without an effect. Without a destination
 * TRACE goes to CTRACE and the others to CONSOLE.
 *
 * <p>IBM: IP Configuration Reference, "DEBUG statement" (TN3270E Telnet server).
 */
public record DebugStatement(Type type, TelnetDebug.Level level, TelnetDebug.Destination destination) {
    /** What the statement is about: connections, Telnet's tasks, or configuration processing. */
    public enum Type { CONN, TASK, CONFIG }

    /**
     * The statement's values (after the word DEBUG).
     *
     * @throws IllegalArgumentException with the reason in words (the profile parser adds the line): no level, a
     *                                  level the type does not have, an unknown destination, a value too many
     */
    public static DebugStatement parse(List<String> values) {
        int i = 0;
        Type type = Type.CONN;
        if (i < values.size() && isType(values.get(i))) {
            type = Type.valueOf(upper(values.get(i)));
            i++;
        }
        if (i >= values.size()) {
            throw new IllegalArgumentException("DEBUG " + (type == Type.CONN ? "" : type + " ") + "needs a level: "
                    + levels(type));
        }
        String levelWord = upper(values.get(i++));
        if (type == Type.CONFIG && levelWord.startsWith("TRACE,")) {
            levelWord = "TRACE"; // DEBUG CONFIG TRACE,statement: which statement's processing to trace
        }
        TelnetDebug.Level level = level(type, levelWord);
        TelnetDebug.Destination destination = TelnetDebug.defaultDestination(level);
        if (i < values.size()) {
            if (level == TelnetDebug.Level.OFF) {
                throw new IllegalArgumentException("DEBUG OFF takes no destination, found " + values.get(i));
            }
            String word = upper(values.get(i++));
            try {
                destination = TelnetDebug.Destination.valueOf(word);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DEBUG destination " + org.opencs.core.Values.quoteForMessage(
                        values.get(i - 1)) + " is not one of CONSOLE, JOBLOG, CTRACE");
            }
        }
        if (i < values.size()) {
            throw new IllegalArgumentException("DEBUG has a value too many: " + org.opencs.core.Values.quoteForMessage(
                    values.get(i)));
        }
        return new DebugStatement(type, level, destination);
    }

    /** The statement as it would be written in a profile (values after DEBUG). */
    public String text() {
        return level == TelnetDebug.Level.OFF ? type + " OFF" : type + " " + level + " " + destination;
    }

    private static boolean isType(String word) {
        String w = upper(word);
        return w.equals("CONN") || w.equals("TASK") || w.equals("CONFIG");
    }

    private static TelnetDebug.Level level(Type type, String word) {
        List<String> allowed = switch (type) {
            case CONN -> List.of("EXCEPTION", "SUMMARY", "DETAIL", "TRACE", "OFF");
            case TASK -> List.of("EXCEPTION", "DETAIL", "OFF");
            case CONFIG -> List.of("EXCEPTION", "TRACE", "OFF");
        };
        if (!allowed.contains(word)) {
            throw new IllegalArgumentException("DEBUG " + (type == Type.CONN ? "" : type + " ") + "level "
                    + org.opencs.core.Values.quoteForMessage(word) + " is not one of " + levels(type));
        }
        return TelnetDebug.Level.valueOf(word);
    }

    private static String levels(Type type) {
        return switch (type) {
            case CONN -> "EXCEPTION, SUMMARY, DETAIL, TRACE, OFF";
            case TASK -> "EXCEPTION, DETAIL, OFF";
            case CONFIG -> "EXCEPTION, TRACE, OFF";
        };
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
